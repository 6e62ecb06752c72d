package com.loyalty.analytics.rollup;

import static org.assertj.core.api.Assertions.assertThat;

import com.loyalty.analytics.AnalyticsRange;
import com.loyalty.analytics.AnalyticsScope;
import com.loyalty.analytics.Granularity;
import com.loyalty.analytics.Period;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * The numbers of a range's periods and of the whole range, as the rollup reads give them and as
 * a direct computation over purchase, checkin, points_ledger and member gives them (each period
 * cut by instants, not by business-day expressions), for tests to compare.
 */
record RangeNumbers(DatabaseClient db, RollupReadRepository reads, ZoneId zone) {

    /** For the brand and each store, by every granularity: the reads give the direct numbers of [from, to]. */
    void assertEveryScopeMatches(long brandId, LocalDate from, LocalDate to, Long... stores) {
        for (Long store : stores) {
            AnalyticsScope scope = new AnalyticsScope(brandId, store);
            for (Granularity granularity : Granularity.values()) {
                AnalyticsRange range = new AnalyticsRange(from, to, granularity, store);
                assertThat(fromReads(scope, range)).as("%s..%s store %s by %s", from, to, store, granularity)
                        .isEqualTo(direct(scope, range));
            }
        }
    }

    /** The numbers of each period and of the whole range as the rollup reads give them. */
    Map<String, Map<String, Long>> fromReads(AnalyticsScope scope, AnalyticsRange range) {
        DaySplit split = reads.split(scope.brandId(), range.from(), range.to()).block();
        List<StoreDay> storeDays = reads.storeDays(scope, split).collectList().block();
        List<NewMembersDay> newMembers = reads.newMembers(scope, split).collectList().block();
        Map<LocalDate, MemberCounts> counts = new LinkedHashMap<>();
        reads.memberCounts(scope, split, range.granularity()).toIterable().forEach(c -> counts.put(c.periodKey(), c));
        MemberCounts total = reads.memberCounts(scope, split, null).next().defaultIfEmpty(MemberCounts.NONE).block();
        Map<String, Map<String, Long>> out = new LinkedHashMap<>();
        List<Period> periods = new ArrayList<>(range.periods());
        periods.add(new Period(range.from(), range.to()));
        for (int i = 0; i < periods.size(); i++) {
            Period p = periods.get(i);
            boolean whole = i == periods.size() - 1;
            Map<String, Long> n = new LinkedHashMap<>();
            List<StoreDay> days = storeDays.stream().filter(s -> in(s.day(), p)).toList();
            n.put("memberOrders", days.stream().mapToLong(StoreDay::memberOrders).sum());
            n.put("memberSales", days.stream().mapToLong(StoreDay::memberSalesCents).sum());
            n.put("guestOrders", days.stream().mapToLong(StoreDay::guestOrders).sum());
            n.put("guestSales", days.stream().mapToLong(StoreDay::guestSalesCents).sum());
            n.put("checkins", days.stream().mapToLong(StoreDay::checkins).sum());
            n.put("pointsSpent", days.stream().mapToLong(StoreDay::pointsSpent).sum());
            n.put("phonesBound", days.stream().mapToLong(StoreDay::phonesBound).sum());
            List<NewMembersDay> joined = newMembers.stream().filter(m -> in(m.day(), p)).toList();
            n.put("newMembers", joined.stream().mapToLong(NewMembersDay::members).sum());
            n.put("newWithPhone", joined.stream().mapToLong(NewMembersDay::withPhone).sum());
            MemberCounts c = whole ? total : counts.getOrDefault(range.periodStartOf(p.start()), MemberCounts.NONE);
            n.put("active", c.active());
            n.put("buyers", c.buyers());
            n.put("repeatBuyers", c.repeatBuyers());
            n.put("checkInMembers", c.checkInMembers());
            n.put("spenders", c.spenders());
            out.put(p.start() + ".." + p.end(), n);
        }
        return out;
    }

    /** The same numbers straight from purchase, checkin, points_ledger and member, per period cut by instants. */
    Map<String, Map<String, Long>> direct(AnalyticsScope scope, AnalyticsRange range) {
        Map<String, Map<String, Long>> out = new LinkedHashMap<>();
        List<Period> periods = new ArrayList<>(range.periods());
        periods.add(new Period(range.from(), range.to()));
        for (Period p : periods) {
            Instant start = p.start().atStartOfDay(zone).toInstant();
            Instant end = p.end().plusDays(1).atStartOfDay(zone).toInstant();
            String orderStore = scope.wholeBrand() ? "" : " and store_id = :s";
            String homeStore = scope.wholeBrand() ? "" : " and m.registration_store_id = :s";
            String spendStore = scope.wholeBrand() ? "" : " and coalesce(l.store_id, m.registration_store_id) = :s";
            String counted = " from purchase where brand_id = :b and occurred_at >= :start and occurred_at < :end"
                    + " and refunded_cents < amount_cents" + orderStore;
            String checkins = " from checkin c join member m on m.id = c.member_id where m.brand_id = :b"
                    + " and c.created_at >= :start and c.created_at < :end" + homeStore;
            String spends = " from points_ledger l join member m on m.id = l.member_id where l.brand_id = :b"
                    + " and l.kind in ('REDEEM', 'COUPON_EXCHANGE', 'MAKE_UP') and l.created_at >= :start"
                    + " and l.created_at < :end" + spendStore;
            String joined = " from member m where m.brand_id = :b and m.registered_at >= :start"
                    + " and m.registered_at < :end" + homeStore;
            Map<String, String> sql = new LinkedHashMap<>();
            sql.put("memberOrders", "select count(*)" + counted + " and member_id is not null");
            sql.put("memberSales", "select sum(amount_cents - refunded_cents)" + counted + " and member_id is not null");
            sql.put("guestOrders", "select count(*)" + counted + " and member_id is null");
            sql.put("guestSales", "select sum(amount_cents - refunded_cents)" + counted + " and member_id is null");
            sql.put("checkins", "select count(*)" + checkins);
            sql.put("pointsSpent", "select -sum(l.delta)" + spends);
            sql.put("phonesBound", "select count(*) from member m where m.brand_id = :b"
                    + " and m.phone_bound_at >= :start and m.phone_bound_at < :end" + homeStore);
            sql.put("newMembers", "select count(*)" + joined);
            sql.put("newWithPhone", "select count(*)" + joined + " and m.phone_bound_at <"
                    + " (date_trunc('day', m.registered_at at time zone 'Asia/Shanghai') + interval '1 day')"
                    + " at time zone 'Asia/Shanghai'");
            String buys = "select member_id, count(*) as orders" + counted + " and member_id is not null group by member_id";
            sql.put("active", "select count(*) from (select member_id" + counted
                    + " and member_id is not null union select c.member_id" + checkins + " union select l.member_id"
                    + spends + ") x");
            sql.put("buyers", "select count(*) from (" + buys + ") x");
            sql.put("repeatBuyers", "select count(*) from (" + buys + ") x where orders >= 2");
            sql.put("checkInMembers", "select count(distinct c.member_id)" + checkins);
            sql.put("spenders", "select count(distinct l.member_id)" + spends);
            out.put(p.start() + ".." + p.end(), values(scope, start, end, sql));
        }
        return out;
    }

    /** Every number of one period in one statement: one scalar subquery each. */
    private Map<String, Long> values(AnalyticsScope scope, Instant start, Instant end, Map<String, String> sql) {
        List<String> columns = new ArrayList<>();
        sql.forEach((name, query) -> columns.add("coalesce((" + query + "), 0) as \"" + name + "\""));
        var spec = db.sql("select " + String.join(", ", columns))
                .bind("b", scope.brandId()).bind("start", start).bind("end", end);
        if (!scope.wholeBrand()) {
            spec = spec.bind("s", scope.storeId());
        }
        return spec.map(row -> {
            Map<String, Long> n = new LinkedHashMap<>();
            sql.keySet().forEach(name -> n.put(name, ((Number) row.get(name)).longValue()));
            return n;
        }).one().block();
    }

    private static boolean in(LocalDate day, Period p) {
        return !day.isBefore(p.start()) && !day.isAfter(p.end());
    }
}
