package com.loyalty.tier;

import java.time.Instant;

/** A member's tier level and how many reviews in a row found them below its threshold. */
public record MemberTier(long memberId, int level, int monthsBelow, Instant since) {
}
