package com.loyalty.coupon;

import java.time.Instant;

/** A coupon a member holds. */
public record MemberCoupon(long id, long templateId, long memberId, boolean used, String source,
                           Instant validFrom, Instant validUntil, Instant obtainedAt, Instant usedAt) {

    /** What the member sees. */
    public enum Status { USABLE, USED, EXPIRED }

    public Status statusAt(Instant now) {
        return used ? Status.USED : validUntil.isAfter(now) ? Status.USABLE : Status.EXPIRED;
    }
}
