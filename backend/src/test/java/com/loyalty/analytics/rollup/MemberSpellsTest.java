package com.loyalty.analytics.rollup;

import static org.assertj.core.api.Assertions.assertThat;

import com.loyalty.analytics.AnalyticsRange;
import com.loyalty.analytics.AnalyticsScope;
import com.loyalty.analytics.Granularity;
import com.loyalty.analytics.Period;
import com.loyalty.analytics.churn.ChurnPeriod;
import com.loyalty.analytics.churn.ChurnReport;
import com.loyalty.analytics.churn.ChurnService;
import com.loyalty.analytics.ltv.LtvService;
import com.loyalty.analytics.ltv.MemberLifetimeValue;
import com.loyalty.shared.config.BrandProperties;
import com.loyalty.support.HandBuiltBrand;
import com.loyalty.support.HandBuiltEconomy;
import com.loyalty.support.IntegrationTest;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Churn and lifetime values read through members' stored spells equal a direct computation over
 * the raw purchases (periods cut by instants): before any rollup (all live), after a backfill,
 * after an order recorded for a past rolled-up day and a refund of a past order (stale days), after
 * the nightly job and with a purchase of today. Churned = 90 days without a purchase.
 * <pre>
 * today 2026-06-15 15:00 China time; stores A and B
 * p1 (A)  A 01-05, 03-20, 06-01                      one spell (gaps 74, 73)
 * p2 (A)  A 01-10, 05-01                             two spells (gap 111) until an order is imported for 03-01
 * p3 (B)  B 2025-12-20, 02-10, 04-15                 one spell until 02-10 is refunded in full, then two
 * p4 (A)  A 03-01 (¥50 coupon ¥5, ¥10 refunded)      and an order of today
 * p5 (B)  B 2025-06-01, 2025-07-01, 2026-05-20       a spell across the start of the 365-day window (2025-06-16)
 * p6 (A)  none
 * p7 (-)  B 06-10 23:59:59 and A 06-11 00:00:00      registered at no store
 * </pre>
 */
class MemberSpellsTest extends IntegrationTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 6, 15);
    private static final String COUNTED = " and p.refunded_cents < p.amount_cents";

    @Autowired
    PasswordEncoder passwords;
    @Autowired
    BrandProperties brandProperties;
    @Autowired
    RollupService rollups;
    @Autowired
    RollupRepository rollupDays;
    @Autowired
    SpellSourceRepository spells;
    @Autowired
    ChurnService churn;
    @Autowired
    LtvService values;

    HandBuiltBrand brand;
    HandBuiltEconomy more;
    ZoneId zone;
    long storeB;
    long p2;
    long p3;
    long p3RefundedLater;
    long p4;

    @BeforeEach
    void handBuiltBrand() {
        zone = brandProperties.zone();
        clock.setTo(TODAY.atTime(LocalTime.of(15, 0)).atZone(zone).toInstant());
        brand = new HandBuiltBrand(db, passwords, zone, STAFF_PASSWORD);
        more = new HandBuiltEconomy(brand, db, passwords, zone);
        storeB = more.store("B");
        long p1 = member("p1", brand.storeId);
        buys(p1, brand.storeId, "2026-01-05", "2026-03-20", "2026-06-01");
        p2 = member("p2", brand.storeId);
        buys(p2, brand.storeId, "2026-01-10", "2026-05-01");
        p3 = member("p3", storeB);
        buys(p3, storeB, "2025-12-20", "2026-04-15");
        p3RefundedLater = brand.order(p3, storeB, brand.noon(day("2026-02-10")), 3_000);
        p4 = member("p4", brand.storeId);
        long discounted = brand.order(p4, brand.storeId, brand.noon(day("2026-03-01")), 5_000);
        more.discounts(discounted, 500, 0, 0);
        more.refund(discounted, 1_000);
        long p5 = member("p5", storeB);
        buys(p5, storeB, "2025-06-01", "2025-07-01", "2026-05-20");
        member("p6", brand.storeId);
        long p7 = brand.member("p7", day("2025-05-01"));
        brand.order(p7, storeB, brand.at(day("2026-06-10"), 23, 59, 59), 1_500);
        brand.order(p7, brand.storeId, brand.at(day("2026-06-11"), 0, 0, 0), 2_500);
    }

    @Test
    void churnAndLifetimeValuesEqualTheRawPurchasesBeforeAndAfterRollupsAndLateChanges() {
        assertThat(spells.source(brand.brandId).block().built()).isFalse();
        assertEveryScopeMatchesTheRawPurchases();

        rollups.backfill(brand.brandId, day("2025-05-01"), TODAY).block();
        assertThat(spells.source(brand.brandId).block()).satisfies(s -> {
            assertThat(s.built()).isTrue();
            assertThat(s.recomputed()).isEmpty();
        });
        assertThat(spellCount(p2)).isEqualTo(2);
        assertEveryScopeMatchesTheRawPurchases();

        // an order of p2 imported for 03-01 joins their two spells (the day is marked stale as the till does
        // for an import); p3's order of 02-10 refunded in full at the till splits theirs
        brand.order(p2, brand.storeId, brand.noon(day("2026-03-01")), 4_000);
        rollupDays.markStale(brand.brandId, day("2026-03-01")).block();
        String orderNo = db.sql("select order_no from purchase where id = :id").bind("id", p3RefundedLater)
                .map(row -> row.get("order_no", String.class)).one().block();
        staff(more.staff("STORE_MANAGER", storeB, STAFF_PASSWORD), STAFF_PASSWORD).documentName("refundPurchase")
                .variable("input", Map.of("orderNo", orderNo, "refundNo", "R-late", "amountCents", 3_000)).execute()
                .path("refundPurchase.userErrors").entityList(Object.class).hasSize(0);
        assertEveryScopeMatchesTheRawPurchases();
        assertThat(spells.source(brand.brandId).block().recomputed()).containsExactlyInAnyOrder(p2, p3, p4);

        admin().documentName("runJob").variable("job", "ANALYTICS_ROLLUP").variable("asOf", TODAY.toString())
                .execute().path("runJob.summary").entity(String.class).satisfies(s -> assertThat(s).contains("stale"));
        assertThat(spells.source(brand.brandId).block().recomputed()).isEmpty();
        assertThat(spellCount(p2)).isEqualTo(1);
        assertEveryScopeMatchesTheRawPurchases();

        // today's order is read live, merged with p4's stored spell
        brand.order(p4, brand.storeId, brand.at(TODAY, 9, 0, 0), 2_000);
        assertThat(spells.source(brand.brandId).block().extended()).contains(p4);
        assertEveryScopeMatchesTheRawPurchases();
    }

    private void assertEveryScopeMatchesTheRawPurchases() {
        for (Long store : new Long[] {null, brand.storeId, storeB}) {
            AnalyticsScope scope = new AnalyticsScope(brand.brandId, store);
            for (Granularity granularity : Granularity.values()) {
                AnalyticsRange range = new AnalyticsRange(day("2026-01-01"), TODAY, granularity, store);
                ChurnReport report = churn.report(scope, range).block();
                List<ChurnPeriod> read = new ArrayList<>(report.series());
                read.add(report.total());
                List<ChurnPeriod> periods = new ArrayList<>();
                range.periods().forEach(p -> periods.add(directChurn(scope, p)));
                periods.add(directChurn(scope, new Period(range.from(), range.to())));
                assertThat(read).as("churn of store %s by %s", store, granularity).isEqualTo(periods);
            }
            Map<Long, List<Object>> read = new TreeMap<>();
            for (MemberLifetimeValue v : values.top(scope, 100).block()) {
                read.put(v.memberId(), List.of(v.orders(), v.historicalValueCents(), String.valueOf(v.firstPurchaseOn()),
                        String.valueOf(v.lastPurchaseOn()), Math.round(v.purchasesPerMonth() * 1e9)));
            }
            assertThat(read).as("lifetime values of store %s", store).isEqualTo(directValues(scope));
        }
    }

    /** Customers: a counted order in the 90 days before the start; churned: none in the 90 days to the end. */
    private ChurnPeriod directChurn(AnalyticsScope scope, Period p) {
        String bought = "select 1 from purchase p where p.member_id = m.id" + COUNTED
                + " and p.occurred_at >= :from and p.occurred_at < :to";
        var spec = db.sql("select count(*) as customers, count(*) filter (where not exists ("
                        + bought.replace(":from", ":endFrom").replace(":to", ":endTo") + ")) as churned"
                        + " from member m where m.brand_id = :b and exists (" + bought + ")" + scoped(scope))
                .bind("b", brand.brandId).bind("from", start(p.start().minusDays(90))).bind("to", start(p.start()))
                .bind("endFrom", start(p.end().minusDays(89))).bind("endTo", start(p.end().plusDays(1)));
        if (!scope.wholeBrand()) {
            spec = spec.bind("s", scope.storeId());
        }
        return spec.map(row -> new ChurnPeriod(p.start(), p.end(), row.get("customers", Long.class),
                row.get("churned", Long.class))).one().block();
    }

    /** Per member of the scope: orders, value, first and last day, purchases per month (x 1e9, rounded). */
    private Map<Long, List<Object>> directValues(AnalyticsScope scope) {
        var spec = db.sql("""
                        select m.id, count(p.id) filter (where p.refunded_cents < p.amount_cents) as orders,
                               coalesce(sum(floor((p.amount_cents - p.coupon_discount_cents - p.redeemed_cents)::numeric
                                   * (p.amount_cents - p.refunded_cents) / p.amount_cents)), 0)::bigint as value,
                               min(p.occurred_at) filter (where p.refunded_cents < p.amount_cents) as first_at,
                               max(p.occurred_at) filter (where p.refunded_cents < p.amount_cents) as last_at,
                               count(p.id) filter (where p.refunded_cents < p.amount_cents and p.occurred_at >= :window)
                                   as recent
                        from member m left join purchase p on p.member_id = m.id and p.occurred_at < :end
                        where m.brand_id = :b""" + scoped(scope) + " group by m.id")
                .bind("b", brand.brandId).bind("end", start(TODAY.plusDays(1)))
                .bind("window", start(TODAY.minusDays(364)));
        if (!scope.wholeBrand()) {
            spec = spec.bind("s", scope.storeId());
        }
        Map<Long, List<Object>> out = new TreeMap<>();
        spec.map(row -> {
            long orders = row.get("orders", Long.class);
            Instant first = row.get("first_at", Instant.class);
            Instant last = row.get("last_at", Instant.class);
            LocalDate firstDay = first == null ? null : LocalDate.ofInstant(first, zone);
            double perMonth = orders == 0 ? 0 : row.get("recent", Long.class) * 30.0
                    / Math.max(30, Math.min(365, TODAY.toEpochDay() - firstDay.toEpochDay() + 1));
            return Map.entry(row.get("id", Long.class), List.<Object>of(orders, row.get("value", Long.class),
                    String.valueOf(firstDay), String.valueOf(last == null ? null : LocalDate.ofInstant(last, zone)),
                    Math.round(perMonth * 1e9)));
        }).all().toIterable().forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    private static String scoped(AnalyticsScope scope) {
        return scope.wholeBrand() ? "" : " and (m.registration_store_id = :s"
                + " or exists (select 1 from purchase sp where sp.member_id = m.id and sp.store_id = :s))";
    }

    private long member(String name, long store) {
        return more.registeredAt(brand.member(name, day("2025-05-01")), store);
    }

    private void buys(long member, long store, String... days) {
        for (String d : days) {
            brand.order(member, store, brand.noon(day(d)), 2_000);
        }
    }

    private long spellCount(long member) {
        return db.sql("select count(*) as n from analytics_member_spell where member_id = :m").bind("m", member)
                .map(row -> row.get("n", Long.class)).one().block();
    }

    private Instant start(LocalDate day) {
        return day.atStartOfDay(zone).toInstant();
    }

    private static LocalDate day(String day) {
        return LocalDate.parse(day);
    }
}
