package org.ketaminecds.hooks;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Binds {@code cds.hooks.*}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(HooksProperties.class)
class HooksConfiguration {}
