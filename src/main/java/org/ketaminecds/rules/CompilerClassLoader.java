package org.ketaminecds.rules;

import java.net.URL;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The class loader the executable model compiles against: the service's, with the answers to "is
 * there such a class file?" remembered. The Java compiler inside Drools (ECJ) asks that for every
 * name it resolves, most of them names that do not exist (each import's package tried for each
 * simple name); in the packaged service each such question searches every nested jar, which was a
 * fifth of a DRL reload. The service's classpath does not change while it runs, so the answers do
 * not either. Classes are still loaded by the service's class loader, so the rules see the same
 * fact classes as the rest of the service.
 */
final class CompilerClassLoader extends ClassLoader {

  static {
    registerAsParallelCapable();
  }

  private final ConcurrentMap<String, Optional<URL>> classFiles = new ConcurrentHashMap<>();

  CompilerClassLoader(ClassLoader parent) {
    super(parent);
  }

  @Override
  public URL getResource(String name) {
    if (!name.endsWith(".class")) {
      return super.getResource(name);
    }
    return classFiles
        .computeIfAbsent(name, n -> Optional.ofNullable(super.getResource(n)))
        .orElse(null);
  }
}
