package org.ketaminecds.workbench;

/** A scenario of the live rule set as the page's list shows it. */
record ScenarioSummary(String name, String title, String hook, String asOf) {}
