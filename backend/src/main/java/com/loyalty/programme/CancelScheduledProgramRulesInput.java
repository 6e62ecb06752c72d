package com.loyalty.programme;

/** GraphQL input of {@code cancelScheduledProgramRules}: a version not yet in force, and why. */
public record CancelScheduledProgramRulesInput(Integer version, String reason) {
}
