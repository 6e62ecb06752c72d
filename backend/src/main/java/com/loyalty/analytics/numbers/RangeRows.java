package com.loyalty.analytics.numbers;

import com.loyalty.analytics.AnalyticsRange;
import com.loyalty.analytics.AnalyticsScope;
import com.loyalty.analytics.Period;
import com.loyalty.analytics.rollup.MemberCounts;
import com.loyalty.analytics.rollup.NewMembersDay;
import com.loyalty.analytics.rollup.StoreDay;
import com.loyalty.analytics.shared.Ratios;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * What the analytics of one scope and range are computed from: the days' store sums and new
 * members, distinct members per period (keyed by unclipped period start) and over the whole
 * range, and the members (and those with a phone) registered before the first day.
 */
record RangeRows(AnalyticsScope scope, AnalyticsRange range, List<StoreDay> storeDays,
                 List<NewMembersDay> newMembers, Map<LocalDate, MemberCounts> perPeriod, MemberCounts total,
                 long membersBefore, long phonesBefore) {

    /** Distinct members of one period of the range. */
    MemberCounts counts(Period period) {
        return perPeriod.getOrDefault(range.periodStartOf(period.start()), MemberCounts.NONE);
    }

    /** Members registered by the end of the period (at the store: who registered there). */
    long membersAtEnd(Period period) {
        return membersBefore + Ratios.sum(Ratios.in(newMembers, NewMembersDay::day,
                new Period(range.from(), period.end())), NewMembersDay::members);
    }

    /** Of those, members who had bound a phone by the end of the period. */
    long phonesAtEnd(Period period) {
        return phonesBefore + Ratios.sum(Ratios.in(storeDays, StoreDay::day,
                new Period(range.from(), period.end())), StoreDay::phonesBound);
    }
}
