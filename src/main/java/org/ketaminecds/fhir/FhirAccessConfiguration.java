package org.ketaminecds.fhir;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Binds {@code cds.fhir.*}; kept apart from {@link FhirConfiguration}, which other packages share. */
@Configuration
@EnableConfigurationProperties(FhirAccessProperties.class)
class FhirAccessConfiguration {}
