/**
 * The fact model the rules reason over: small immutable records in clinical language, with no FHIR
 * (HAPI) types. {@link org.ketaminecds.facts.FactExtractor} turns a chart into these facts; records
 * such as {@link org.ketaminecds.facts.ExcludedTrial} and {@link org.ketaminecds.facts.Finding} are
 * what the rules themselves conclude.
 */
package org.ketaminecds.facts;
