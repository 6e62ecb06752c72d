package com.loyalty.analytics.rollup;

import static org.assertj.core.api.Assertions.assertThat;

import com.loyalty.analytics.AnalyticsRange;
import com.loyalty.analytics.AnalyticsScope;
import com.loyalty.analytics.Granularity;
import com.loyalty.shared.config.BrandProperties;
import com.loyalty.support.HandBuiltBrand;
import com.loyalty.support.IntegrationTest;
import com.loyalty.support.Till;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Distinct members of whole months come from the member x month rollup once every day of the
 * month is rolled up, and equal the direct computation for any range: whole months, ranges that
 * start and end mid-month, today's live day, and a month with a late order or a refund (read day
 * by day, that day live, until the nightly job sums the month again). The hand-built brand is not
 * the configured one, so its late order is inserted and its day marked stale directly.
 * <pre>
 * today 2026-11-23 15:00 China time; stores A and B
 * m1 joined 08-15 at A   orders 09-10 A ¥100, 10-05 A ¥50, 10-20 B ¥80; check-in 10-06
 * m2 joined 08-20 at B   orders B 09-30 23:59:59 ¥60 and 10-01 00:00:00 ¥40; REDEEM 200 at A 10-15
 * m3 joined 09-01 mini-program  check-in 09-02; orders A 10-10 ¥20 fully refunded, A 10-31 ¥30;
 *                        COUPON_EXCHANGE 100 11-03 (no store)
 * m4 joined 10-01 at A   orders A 11-10 ¥70 and today ¥25; check-in today
 * guests: B 09-15 ¥15, A 10-12 ¥45
 * </pre>
 */
class MemberMonthRollupTest extends IntegrationTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
    private static final LocalDate SEPTEMBER = LocalDate.of(2026, 9, 1);
    private static final LocalDate OCTOBER = LocalDate.of(2026, 10, 1);

    @Autowired
    PasswordEncoder passwords;
    @Autowired
    BrandProperties brandProperties;
    @Autowired
    RollupReadRepository reads;
    @Autowired
    RollupService rollups;
    @Autowired
    RollupRepository dayRollups;

    HandBuiltBrand brand;
    ZoneId zone;
    long storeA;
    long storeB;
    long m1;
    long m4;
    long m1OrderAtB;

    @BeforeEach
    void handBuiltBrand() {
        zone = brandProperties.zone();
        clock.setTo(TODAY.atTime(LocalTime.of(15, 0)).atZone(zone).toInstant());
        brand = new HandBuiltBrand(db, passwords, zone, STAFF_PASSWORD);
        storeA = brand.storeId;
        storeB = brand.store("B");
        m1 = brand.member("m1", brand.noon(LocalDate.of(2026, 8, 15)), "STORE", storeA);
        long m2 = brand.member("m2", brand.noon(LocalDate.of(2026, 8, 20)), "STORE", storeB);
        long m3 = brand.member("m3", brand.noon(SEPTEMBER), "MINI_PROGRAM", null);
        m4 = brand.member("m4", brand.noon(OCTOBER), "STORE", storeA);

        brand.order(m1, storeA, brand.noon(LocalDate.of(2026, 9, 10)), 10_000);
        brand.order(m1, storeA, brand.noon(LocalDate.of(2026, 10, 5)), 5_000);
        m1OrderAtB = brand.order(m1, storeB, brand.noon(LocalDate.of(2026, 10, 20)), 8_000);
        brand.checkIn(m1, LocalDate.of(2026, 10, 6), brand.at(LocalDate.of(2026, 10, 6), 8, 0, 0));
        brand.order(m2, storeB, brand.at(LocalDate.of(2026, 9, 30), 23, 59, 59), 6_000);
        brand.order(m2, storeB, brand.at(OCTOBER, 0, 0, 0), 4_000);
        brand.spendPoints(m2, brand.noon(LocalDate.of(2026, 10, 15)), 200, "REDEEM", storeA);
        brand.checkIn(m3, LocalDate.of(2026, 9, 2), brand.at(LocalDate.of(2026, 9, 2), 8, 0, 0));
        brand.refundAll(brand.order(m3, storeA, brand.noon(LocalDate.of(2026, 10, 10)), 2_000));
        brand.order(m3, storeA, brand.noon(LocalDate.of(2026, 10, 31)), 3_000);
        brand.spendPoints(m3, brand.noon(LocalDate.of(2026, 11, 3)), 100, "COUPON_EXCHANGE", null);
        brand.order(m4, storeA, brand.noon(LocalDate.of(2026, 11, 10)), 7_000);
        brand.order(m4, storeA, brand.at(TODAY, 10, 0, 0), 2_500);
        brand.checkIn(m4, TODAY, brand.at(TODAY, 8, 0, 0));
        brand.order(null, storeB, brand.noon(LocalDate.of(2026, 9, 15)), 1_500);
        brand.order(null, storeA, brand.noon(LocalDate.of(2026, 10, 12)), 4_500);
    }

    @Test
    void wholeMonthsComeFromTheMonthRollupAndEqualTheRawTablesForAnyRange() {
        rollups.backfill(brand.brandId, SEPTEMBER, TODAY).block();

        assertThat(listedMonths()).containsExactly(SEPTEMBER, OCTOBER);
        assertThat(count("select count(*) as n from analytics_member_month where brand_id = :b and all_stores"
                + " and month = '2026-10-01'")).isEqualTo(3);
        Map<String, Long> october = numbers().fromReads(new AnalyticsScope(brand.brandId, null),
                new AnalyticsRange(SEPTEMBER, TODAY, Granularity.MONTH, null)).get("2026-10-01..2026-10-31");
        assertThat(october).containsEntry("active", 3L).containsEntry("buyers", 3L)
                .containsEntry("repeatBuyers", 1L).containsEntry("checkInMembers", 1L).containsEntry("spenders", 1L);
        // m2's orders of 09-30 and 10-01 make a repeat buyer only over both months, at B
        assertThat(numbers().fromReads(new AnalyticsScope(brand.brandId, storeB),
                new AnalyticsRange(SEPTEMBER, OCTOBER.plusDays(30), Granularity.MONTH, storeB))
                .get("2026-09-01..2026-10-31")).containsEntry("buyers", 2L).containsEntry("repeatBuyers", 1L);

        assertEveryRangeMatchesTheRawTables();
    }

    @Test
    void aLateOrderAndARefundInARolledUpMonthAreReadLiveUntilTheNightlyRollupSumsTheMonthAgain() {
        rollups.backfill(brand.brandId, SEPTEMBER, TODAY).block();
        // an order imported for 10-25 marks its day stale, as recording it through the till does
        brand.order(m4, storeA, brand.noon(LocalDate.of(2026, 10, 25)), 9_000);
        dayRollups.markStale(brand.brandId, LocalDate.of(2026, 10, 25)).block();
        String orderNo = db.sql("select order_no from purchase where id = :id").bind("id", m1OrderAtB)
                .map(row -> row.get("order_no", String.class)).one().block();
        new Till(staff(brand.staff("STORE_MANAGER", storeB), STAFF_PASSWORD)).refund(orderNo, "R-late", 8_000)
                .path("refundPurchase.userErrors").entityList(Object.class).hasSize(0);

        assertThat(reads.split(brand.brandId, SEPTEMBER, TODAY).block().live())
                .containsExactly(LocalDate.of(2026, 10, 20), LocalDate.of(2026, 10, 25), TODAY);
        Map<String, Long> october = numbers().fromReads(new AnalyticsScope(brand.brandId, null),
                new AnalyticsRange(SEPTEMBER, TODAY, Granularity.MONTH, null)).get("2026-10-01..2026-10-31");
        assertThat(october).containsEntry("active", 4L).containsEntry("buyers", 4L).containsEntry("repeatBuyers", 0L);
        assertEveryRangeMatchesTheRawTables();

        admin().documentName("runJob").variable("job", "ANALYTICS_ROLLUP").variable("asOf", TODAY.toString())
                .execute().path("runJob.summary").entity(String.class).satisfies(s -> assertThat(s).contains("stale"));
        assertThat(listedMonths()).containsExactly(SEPTEMBER, OCTOBER);
        assertThat(reads.split(brand.brandId, SEPTEMBER, TODAY).block().live()).containsExactly(TODAY);
        assertEveryRangeMatchesTheRawTables();
    }

    @Test
    void rollingADayOfAMonthUpAgainSumsTheMonthAgainAndAnUnfinishedMonthIsNeverListed() {
        rollups.backfill(brand.brandId, OCTOBER.plusDays(1), TODAY).block();
        assertThat(listedMonths()).isEmpty();

        rollups.backfill(brand.brandId, OCTOBER, OCTOBER).block();
        assertThat(listedMonths()).containsExactly(OCTOBER);
        long rows = count("select count(*) as n from analytics_member_month where brand_id = :b");

        rollups.backfill(brand.brandId, LocalDate.of(2026, 10, 20), LocalDate.of(2026, 10, 20)).block();
        assertThat(listedMonths()).containsExactly(OCTOBER);
        assertThat(count("select count(*) as n from analytics_member_month where brand_id = :b")).isEqualTo(rows);
        assertEveryRangeMatchesTheRawTables();
    }

    private void assertEveryRangeMatchesTheRawTables() {
        RangeNumbers numbers = numbers();
        numbers.assertEveryScopeMatches(brand.brandId, SEPTEMBER, TODAY, null, storeA, storeB);
        numbers.assertEveryScopeMatches(brand.brandId, LocalDate.of(2026, 9, 15), LocalDate.of(2026, 11, 10), null,
                storeA, storeB);
        numbers.assertEveryScopeMatches(brand.brandId, OCTOBER, LocalDate.of(2026, 10, 31), null, storeA, storeB);
        numbers.assertEveryScopeMatches(brand.brandId, LocalDate.of(2026, 8, 1), TODAY, null, storeA);
    }

    private RangeNumbers numbers() {
        return new RangeNumbers(db, reads, zone);
    }

    private List<LocalDate> listedMonths() {
        return db.sql("select month from analytics_rollup_month where brand_id = :b order by month")
                .bind("b", brand.brandId).map(row -> row.get("month", LocalDate.class)).all().collectList().block();
    }

    private long count(String sql) {
        return db.sql(sql).bind("b", brand.brandId).map(row -> ((Number) row.get("n")).longValue()).one().block();
    }
}
