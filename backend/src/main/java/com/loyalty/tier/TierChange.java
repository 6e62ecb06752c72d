package com.loyalty.tier;

import java.time.Instant;
import java.time.LocalDate;

/** A recorded change of a member's tier. */
public record TierChange(long memberId, int fromLevel, int toLevel, String reason, LocalDate reviewMonth,
                         Instant changedAt) {
}
