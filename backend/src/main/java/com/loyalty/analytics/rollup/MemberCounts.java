package com.loyalty.analytics.rollup;

import java.time.LocalDate;

/**
 * Distinct members of a period (keyed by the start of its unclipped period; null for a whole
 * range): active in any way, with 1+ and 2+ counted orders, who checked in, who spent points.
 */
public record MemberCounts(LocalDate periodKey, long active, long buyers, long repeatBuyers, long checkInMembers,
                           long spenders) {

    public static final MemberCounts NONE = new MemberCounts(null, 0, 0, 0, 0, 0);
}
