package com.loyalty.programme;

import java.time.Instant;

/**
 * One version of the rules with its history: who scheduled it (null: the seed), why and when, and
 * whether it was cancelled before it took effect.
 */
public record RulesVersion(int version, Instant effectiveFrom, Long createdBy, String reason, Instant createdAt,
                           Instant cancelledAt, ProgramRules rules) {

    /** Where a version stands at {@code now}. */
    public enum Status { SCHEDULED, IN_FORCE, SUPERSEDED, CANCELLED }

    public boolean cancelled() {
        return cancelledAt != null;
    }
}
