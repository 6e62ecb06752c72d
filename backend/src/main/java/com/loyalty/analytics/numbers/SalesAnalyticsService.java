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

/** Sales over a range: members vs guests, average order value, repurchase rate and purchase frequency. */
@Service
class SalesAnalyticsService {

    private final RangeReader reader;

    public SalesAnalyticsService(RangeReader reader) {
        this.reader = reader;
    }

    public Mono<SalesAnalytics> sales(AnalyticsScope scope, AnalyticsRange range) {
        return reader.read(scope, range, true).map(rows -> new SalesAnalytics(scope.storeId(),
                numbers(rows, new Period(range.from(), range.to()), rows.total()),
                range.periods().stream().map(p -> numbers(rows, p, rows.counts(p))).toList()));
    }

    private static SalesNumbers numbers(RangeRows rows, Period period, MemberCounts counts) {
        List<StoreDay> days = Ratios.in(rows.storeDays(), StoreDay::day, period);
        long memberOrders = Ratios.sum(days, StoreDay::memberOrders);
        long memberSales = Ratios.sum(days, StoreDay::memberSalesCents);
        long guestOrders = Ratios.sum(days, StoreDay::guestOrders);
        long guestSales = Ratios.sum(days, StoreDay::guestSalesCents);
        long orders = memberOrders + guestOrders;
        long sales = memberSales + guestSales;
        return new SalesNumbers(period.start(), period.end(), Math.toIntExact(orders), sales,
                Ratios.average(sales, orders), Math.toIntExact(memberOrders), memberSales,
                Ratios.average(memberSales, memberOrders), Math.toIntExact(guestOrders), guestSales,
                Ratios.average(guestSales, guestOrders), Ratios.rate(memberSales, sales), (int) counts.buyers(),
                (int) counts.repeatBuyers(), Ratios.rate(counts.repeatBuyers(), counts.buyers()),
                Ratios.rate(memberOrders, counts.buyers()));
    }
}
