package org.ketaminecds;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.type.filter.AnnotationTypeFilter;

/**
 * {@code application.yml} writes out the service's settings for operators to read, and each
 * properties class carries the same values as its built-in defaults (for a context that has no such
 * file, such as a test's or a tool's). The two must say the same: session 7 found a queue capacity
 * of 100,000 in one and 20,000 in the other.
 */
class ConfigurationDefaultsTest {

  /** Every properties class of the service, found as Spring would find it. */
  static Stream<String> propertiesClasses() {
    var scanner = new ClassPathScanningCandidateComponentProvider(false);
    scanner.addIncludeFilter(new AnnotationTypeFilter(ConfigurationProperties.class));
    return scanner.findCandidateComponents("org.ketaminecds").stream()
        .map(BeanDefinition::getBeanClassName)
        .sorted();
  }

  @Test
  void theScanFindsThePropertiesClasses() {
    assertThat(propertiesClasses())
        .contains(
            "org.ketaminecds.feedback.FeedbackProperties",
            "org.ketaminecds.security.SecurityProperties",
            "org.ketaminecds.hooks.HooksProperties")
        .hasSizeGreaterThanOrEqualTo(7);
  }

  @ParameterizedTest
  @MethodSource("propertiesClasses")
  void whatApplicationYmlWritesOutIsTheBuiltInDefault(String className) throws Exception {
    Class<?> type = Class.forName(className);
    String prefix = prefix(type);

    Object builtIn = new Binder(new MapConfigurationPropertySource()).bindOrCreate(prefix, type);
    Object configured = applicationYml().bindOrCreate(prefix, Bindable.of(type));

    assertThat(configured).as(prefix + ".* in application.yml").isEqualTo(builtIn);
  }

  private static String prefix(Class<?> type) {
    ConfigurationProperties annotation = type.getAnnotation(ConfigurationProperties.class);
    return annotation.prefix().isEmpty() ? annotation.value() : annotation.prefix();
  }

  private static Binder applicationYml() throws IOException {
    List<PropertySource<?>> documents =
        new YamlPropertySourceLoader()
            .load("application.yml", new ClassPathResource("application.yml"));
    return new Binder(ConfigurationPropertySources.from(documents));
  }
}
