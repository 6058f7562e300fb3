package org.ketaminecds.security;

import java.util.List;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.springframework.web.filter.CorsFilter;

/**
 * CORS for browser-based EHRs, on every endpoint. It runs before the JWT filter: a preflight
 * carries no Authorization header and is answered here, and the Access-Control-Allow-Origin set
 * here stays on a 401, so the browser lets the EHR read the status.
 */
@Configuration(proxyBeanMethods = false)
class CorsFilterConfiguration {

  static final int CORS_FILTER_ORDER = SecurityConfiguration.JWT_FILTER_ORDER - 10;

  @Bean
  FilterRegistrationBean<CorsFilter> cdsCorsFilterRegistration(SecurityProperties properties) {
    CorsConfiguration cors = new CorsConfiguration();
    cors.setAllowedOrigins(properties.cors().allowedOrigins());
    cors.setAllowedMethods(List.of("GET", "POST", "OPTIONS"));
    cors.setAllowedHeaders(List.of(HttpHeaders.AUTHORIZATION, HttpHeaders.CONTENT_TYPE));
    cors.setMaxAge(properties.cors().maxAge());
    // The JWT travels in a header, never in a cookie: no credentials, which also keeps "*" legal.
    cors.setAllowCredentials(false);
    UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
    source.registerCorsConfiguration("/**", cors);
    FilterRegistrationBean<CorsFilter> registration =
        new FilterRegistrationBean<>(new CorsFilter(source));
    registration.setName("cdsCorsFilter");
    registration.setOrder(CORS_FILTER_ORDER);
    return registration;
  }
}
