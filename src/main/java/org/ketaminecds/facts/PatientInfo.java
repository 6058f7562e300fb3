package org.ketaminecds.facts;

/**
 * What the rules need of the Patient resource: age on the day of the call (null when the birth date
 * is unknown) and administrative gender. Never the name or the birth date itself.
 */
public record PatientInfo(Integer ageYears, String gender) {}
