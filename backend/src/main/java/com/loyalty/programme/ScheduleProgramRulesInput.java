package com.loyalty.programme;

import java.time.Instant;

/**
 * GraphQL input of {@code scheduleProgramRules}: the version the admin edited (it must still be the
 * newest), when the new version takes effect (null: now) and why.
 */
public record ScheduleProgramRulesInput(Integer basedOnVersion, Instant effectiveFrom, String reason,
                                        ProgramRulesInput rules) {
}
