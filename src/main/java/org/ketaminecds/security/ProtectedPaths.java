package org.ketaminecds.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.util.AntPathMatcher;
import org.springframework.web.util.UrlPathHelper;

/**
 * Which requests need a JWT: Ant-style patterns within the application, such as {@code
 * /cds-services/**}.
 *
 * <p>A request is protected when any spelling of its path matches: the container's normalized
 * servlet path ("..", "//" and ";params" resolved) and Spring's decoded path with ";params"
 * removed. Matching is case-insensitive. Each way of writing the path that could still reach a
 * controller (e.g. {@code /cds-services;x=1/ketamine-eligibility}) is therefore covered: a filter
 * that matched only the raw request URI would be walked around.
 */
final class ProtectedPaths {

  private final List<String> patterns;
  private final AntPathMatcher matcher = new AntPathMatcher();

  ProtectedPaths(List<String> patterns) {
    this.patterns = List.copyOf(patterns);
    matcher.setCaseSensitive(false);
  }

  boolean covers(HttpServletRequest request) {
    String servletPath =
        request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
    String applicationPath = UrlPathHelper.defaultInstance.getPathWithinApplication(request);
    return Stream.of(servletPath, applicationPath)
        .anyMatch(path -> patterns.stream().anyMatch(pattern -> matcher.match(pattern, path)));
  }
}
