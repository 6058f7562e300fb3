package org.ketaminecds.authoring;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.ketaminecds.rules.RuleCompiler;
import org.ketaminecds.rules.RuleSourceReader;
import org.ketaminecds.rules.RulesProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Watches the rules folder (there is no KieScanner for Drools 10.2: {@code kie-ci} is missing) and
 * asks the publisher to check it once changes have settled, on one background thread, so that hook
 * calls never wait for a compilation.
 */
@Component
class RuleFolderWatcher implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(RuleFolderWatcher.class);

  private final RulesProperties properties;
  private final RuleSetPublisher publisher;
  private volatile WatchService watchService;
  private volatile Thread thread;

  RuleFolderWatcher(RulesProperties properties, RuleSetPublisher publisher) {
    this.properties = properties;
    this.publisher = publisher;
  }

  @Override
  public void start() {
    Path folder = properties.dir();
    if (!properties.watch() || !Files.isDirectory(folder)) {
      return;
    }
    try {
      watchService = FileSystems.getDefault().newWatchService();
      registerTree(folder);
    } catch (IOException e) {
      log.warn("Cannot watch the rules folder {}: changes need a restart", folder, e);
      return;
    }
    thread = new Thread(this::watch, "rules-folder-watcher");
    thread.setDaemon(true);
    thread.start();
    Thread warmUp = new Thread(this::warmUpCompiler, "rules-compiler-warm-up");
    warmUp.setDaemon(true);
    warmUp.setPriority(Thread.MIN_PRIORITY);
    warmUp.start();
    log.info("Watching the rules folder {} for changes", folder.toAbsolutePath().normalize());
  }

  private void watch() {
    long settleMillis = Math.max(1, properties.settle().toMillis());
    try {
      while (!Thread.currentThread().isInterrupted()) {
        WatchKey key = watchService.take();
        boolean changed = drain(key);
        // Let a burst of saves settle: wait until nothing changes for the settle time.
        WatchKey next;
        while ((next = watchService.poll(settleMillis, TimeUnit.MILLISECONDS)) != null) {
          changed |= drain(next);
        }
        if (changed) {
          publisher.reload();
        }
      }
    } catch (InterruptedException | ClosedWatchServiceException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      log.error("The rules folder watcher stopped; changes need a restart", e);
    }
  }

  /**
   * The first DRL compilation in a JVM is slow (the compiler's classes load and start cold): do it
   * now, on a thread of its own, so that the first DRL change an author saves is checked as fast as
   * later ones. Not on the watcher's thread: a change saved meanwhile is checked at once.
   */
  private void warmUpCompiler() {
    long started = System.nanoTime();
    try {
      RuleCompiler.warmUp(RuleSourceReader.fromFolder(properties.dir()));
      log.info("Rule compiler warmed up in {} ms", (System.nanoTime() - started) / 1_000_000);
    } catch (RuntimeException e) {
      log.debug("Warming up the rule compiler failed; the first reload will be slower", e);
    }
  }

  private boolean drain(WatchKey key) {
    boolean changed = false;
    for (WatchEvent<?> event : key.pollEvents()) {
      changed = true;
      if (event.kind() == StandardWatchEventKinds.ENTRY_CREATE
          && key.watchable() instanceof Path parent
          && event.context() instanceof Path child
          && Files.isDirectory(parent.resolve(child))) {
        try {
          registerTree(parent.resolve(child));
        } catch (IOException e) {
          log.warn("Cannot watch the new folder {}", parent.resolve(child), e);
        }
      }
    }
    key.reset();
    return changed;
  }

  private void registerTree(Path root) throws IOException {
    try (Stream<Path> folders = Files.walk(root)) {
      for (Path folder : (Iterable<Path>) folders.filter(Files::isDirectory)::iterator) {
        folder.register(
            watchService,
            StandardWatchEventKinds.ENTRY_CREATE,
            StandardWatchEventKinds.ENTRY_MODIFY,
            StandardWatchEventKinds.ENTRY_DELETE);
      }
    }
  }

  @Override
  public void stop() {
    Thread running = thread;
    if (running != null) {
      running.interrupt();
    }
    try {
      if (watchService != null) {
        watchService.close();
      }
    } catch (IOException e) {
      log.debug("Closing the watch service", e);
    }
    thread = null;
  }

  @Override
  public boolean isRunning() {
    return thread != null;
  }
}
