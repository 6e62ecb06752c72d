package com.loyalty.analytics.numbers;

import com.loyalty.analytics.AnalyticsRange;
import com.loyalty.analytics.AnalyticsScope;
import com.loyalty.analytics.Period;
import com.loyalty.analytics.rollup.MemberCounts;
import com.loyalty.analytics.rollup.StoreDay;
import com.loyalty.analytics.shared.Ratios;
import java.util.List;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Active members, check-in participation and points spending over a range. At a store: orders and
 * till redemptions there, check-ins and other spending of members who registered there.
 */
@Service
class MemberActivityService {

    private final RangeReader reader;

    public MemberActivityService(RangeReader reader) {
        this.reader = reader;
    }

    public Mono<MemberActivity> activity(AnalyticsScope scope, AnalyticsRange range) {
        return reader.read(scope, range, true).map(rows -> new MemberActivity(scope.storeId(),
                numbers(rows, new Period(range.from(), range.to()), rows.total()),
                range.periods().stream().map(p -> numbers(rows, p, rows.counts(p))).toList()));
    }

    private static ActivityNumbers numbers(RangeRows rows, Period period, MemberCounts counts) {
        List<StoreDay> days = Ratios.in(rows.storeDays(), StoreDay::day, period);
        int members = Math.toIntExact(rows.membersAtEnd(period));
        return new ActivityNumbers(period.start(), period.end(), (int) counts.active(), members,
                Math.toIntExact(Ratios.sum(days, StoreDay::checkins)), (int) counts.checkInMembers(),
                Ratios.rate(counts.checkInMembers(), members), (int) counts.spenders(),
                Ratios.sum(days, StoreDay::pointsSpent));
    }
}
