package com.loyalty.stamp;

import java.time.Instant;

/**
 * A member's card of one definition, under the terms it started with ({@code terms}): RUNNING while
 * stamps are collected, COMPLETED when the last stamp gave the reward, EXPIRED when its period
 * ended first. {@code id} is null for a card not started yet (no stamp so far), shown with the
 * current terms. {@code rewardNote} says why a reward could not be given (a coupon out of stock).
 */
public record MemberStampCard(Long id, StampCard terms, long memberId, Status status, int stamps, Instant startedAt,
                              Instant endsAt, Instant completedAt, String rewardNote) {

    public enum Status { RUNNING, COMPLETED, EXPIRED }

    /** A card not started: no stamp, the definition's current terms. */
    static MemberStampCard notStarted(StampCard terms, long memberId) {
        return new MemberStampCard(null, terms, memberId, Status.RUNNING, 0, null, null, null, null);
    }

    /** The same card seen at {@code now}: a running card past its end shows as a new, empty one. */
    MemberStampCard asOf(Instant now, StampCard current) {
        return status == Status.RUNNING && endsAt != null && !endsAt.isAfter(now) ? notStarted(current, memberId) : this;
    }
}
