package org.ketaminecds.workbench;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WorkbenchProperties.class)
class WorkbenchConfiguration {}
