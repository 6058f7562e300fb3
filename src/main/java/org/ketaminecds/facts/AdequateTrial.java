package org.ketaminecds.facts;

/** Concluded by the rules: an adequate failed trial that counts towards TRD. */
public record AdequateTrial(ContinuousTrial trial) {}
