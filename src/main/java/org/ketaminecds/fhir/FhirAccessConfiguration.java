package org.ketaminecds.fhir;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/**
 * Binds {@code cds.fhir.*}. Kept apart from {@link FhirConfiguration}, whose FhirContext bean other
 * packages share and may declare identically.
 */
@Configuration
@EnableConfigurationProperties(FhirAccessProperties.class)
class FhirAccessConfiguration {}
