package com.loyalty.analytics.rollup;

import static org.assertj.core.api.Assertions.assertThat;

import com.loyalty.analytics.AnalyticsRange;
import com.loyalty.analytics.AnalyticsScope;
import com.loyalty.analytics.Granularity;
import com.loyalty.analytics.Period;
import com.loyalty.shared.config.BrandProperties;
import com.loyalty.support.HandBuiltBrand;
import com.loyalty.support.IntegrationTest;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The daily rollups give the same numbers as a direct computation over the raw tables: before any
 * rollup (all live), after a backfill (all but today rolled up), after a past order is refunded
 * (that day stale, read live) and after the nightly job rolled it up again. Each period of the
 * direct computation is cut by instants, not by business-day expressions.
 * <pre>
 * today 2026-11-23 15:00 China time; stores A and B
 * m0  joined 10-01 at A, phone 10-01        orders: today A ¥30     check-in today   REDEEM 100 at B today
 * m1  joined 11-02 10:00 at A, phone 10:05  orders: 11-03 A ¥100 and ¥50, 11-12 B ¥80 (¥30 refunded)
 *                                           check-in 11-12, make-up for 11-11 made 11-13; REDEEM 500 at A 11-03
 * m2  joined 11-02 23:59:59 mini-program, phone 11-03 00:00:01; order 11-05 A ¥20 fully refunded
 *                                           check-in 11-04 (no store); COUPON_EXCHANGE 300 11-06 (no store)
 * m3  joined 11-10 at B, no phone           orders: B 11-10 23:59:59 ¥60, B 11-11 00:00:00 ¥40; MAKE_UP 20 11-13
 * m4  joined today at A (import), phone today
 * guests: A 11-03 ¥45, A 11-04 ¥10 fully refunded, B 11-11 ¥15 (¥5 refunded), A today ¥25
 * </pre>
 */
class RollupTest extends IntegrationTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
    private static final LocalDate FROM = LocalDate.of(2026, 11, 1);

    @Autowired
    PasswordEncoder passwords;
    @Autowired
    BrandProperties brandProperties;
    @Autowired
    RollupReadRepository reads;
    @Autowired
    RollupService rollups;

    HandBuiltBrand brand;
    ZoneId zone;
    long storeA;
    long storeB;
    long m1PurchaseAtB;

    @BeforeEach
    void handBuiltBrand() {
        zone = brandProperties.zone();
        clock.setTo(TODAY.atTime(LocalTime.of(15, 0)).atZone(zone).toInstant());
        brand = new HandBuiltBrand(db, passwords, zone, STAFF_PASSWORD);
        storeA = brand.storeId;
        storeB = brand.store("B");
        long m0 = brand.member("m0", brand.noon(LocalDate.of(2026, 10, 1)), "STORE", storeA);
        brand.phone(m0, brand.noon(LocalDate.of(2026, 10, 1)));
        long m1 = brand.member("m1", brand.at(d(2), 10, 0, 0), "STORE", storeA);
        brand.phone(m1, brand.at(d(2), 10, 5, 0));
        long m2 = brand.member("m2", brand.at(d(2), 23, 59, 59), "MINI_PROGRAM", null);
        brand.phone(m2, brand.at(d(3), 0, 0, 1));
        long m3 = brand.member("m3", brand.at(d(10), 9, 0, 0), "STORE", storeB);
        long m4 = brand.member("m4", brand.at(TODAY, 9, 0, 0), "IMPORT", storeA);
        brand.phone(m4, brand.at(TODAY, 9, 1, 0));

        brand.order(m0, storeA, brand.at(TODAY, 10, 0, 0), 3_000);
        brand.order(m1, storeA, brand.noon(d(3)), 10_000);
        brand.order(m1, storeA, brand.at(d(3), 18, 0, 0), 5_000);
        m1PurchaseAtB = brand.order(m1, storeB, brand.noon(d(12)), 8_000);
        brand.refund(m1PurchaseAtB, 3_000);
        brand.refundAll(brand.order(m2, storeA, brand.noon(d(5)), 2_000));
        brand.order(m3, storeB, brand.at(d(10), 23, 59, 59), 6_000);
        brand.order(m3, storeB, brand.at(d(11), 0, 0, 0), 4_000);
        brand.order(null, storeA, brand.noon(d(3)), 4_500);
        brand.refundAll(brand.order(null, storeA, brand.noon(d(4)), 1_000));
        brand.refund(brand.order(null, storeB, brand.noon(d(11)), 1_500), 500);
        brand.order(null, storeA, brand.at(TODAY, 11, 0, 0), 2_500);

        brand.checkIn(m0, TODAY, brand.at(TODAY, 8, 0, 0));
        brand.checkIn(m1, d(12), brand.at(d(12), 8, 0, 0));
        brand.checkIn(m1, d(11), brand.at(d(13), 8, 0, 0));
        brand.checkIn(m2, d(4), brand.at(d(4), 8, 0, 0));
        brand.spendPoints(m1, brand.noon(d(3)), 500, "REDEEM", storeA);
        brand.spendPoints(m2, brand.noon(d(6)), 300, "COUPON_EXCHANGE", null);
        brand.spendPoints(m3, brand.noon(d(13)), 20, "MAKE_UP", null);
        brand.spendPoints(m0, brand.at(TODAY, 12, 0, 0), 100, "REDEEM", storeB);
    }

    @Test
    void rolledUpNumbersEqualTheRawTablesBeforeAndAfterTheRollupAndAfterAPastOrderChanges() {
        assertThat(rolledUpDays()).isZero();
        Map<String, Long> november = new RangeNumbers(db, reads, zone).direct(new AnalyticsScope(brand.brandId, null),
                new AnalyticsRange(FROM, TODAY, Granularity.MONTH, null)).get("2026-11-01..2026-11-23");
        assertThat(november).containsEntry("memberOrders", 6L).containsEntry("guestOrders", 3L)
                .containsEntry("active", 4L).containsEntry("repeatBuyers", 2L).containsEntry("newWithPhone", 2L);
        assertEveryScopeMatchesTheRawTables();

        assertThat(rollups.backfill(brand.brandId, FROM, TODAY).block()).isEqualTo(22);
        assertThat(rolledUpDays()).isEqualTo(22);
        assertEveryScopeMatchesTheRawTables();

        // a refund of an order of 11-12, through the till: that day is read live until rolled up again
        String orderNo = db.sql("select order_no from purchase where id = :id").bind("id", m1PurchaseAtB)
                .map(row -> row.get("order_no", String.class)).one().block();
        staff(brand.staff("STORE_MANAGER", storeB), STAFF_PASSWORD).documentName("refundPurchase")
                .variable("input", Map.of("orderNo", orderNo, "refundNo", "R-late", "amountCents", 5_000)).execute()
                .path("refundPurchase.userErrors").entityList(Object.class).hasSize(0);
        assertThat(reads.split(brand.brandId, FROM, TODAY).block().live()).containsExactly(d(12), TODAY);
        assertEveryScopeMatchesTheRawTables();

        admin().documentName("runJob").variable("job", "ANALYTICS_ROLLUP").variable("asOf", TODAY.toString())
                .execute().path("runJob.summary").entity(String.class).satisfies(s -> assertThat(s).contains("stale"));
        assertThat(reads.split(brand.brandId, FROM, TODAY).block().live()).containsExactly(TODAY);
        assertEveryScopeMatchesTheRawTables();
    }

    @Test
    void rollingADayUpAgainReplacesItsRows() {
        rollups.backfill(brand.brandId, FROM, TODAY).block();
        long rows = count("select count(*) as n from analytics_member_day where brand_id = :b");

        rollups.backfill(brand.brandId, d(3), d(13)).block();

        assertThat(count("select count(*) as n from analytics_member_day where brand_id = :b")).isEqualTo(rows);
        assertEveryScopeMatchesTheRawTables();
    }

    @Test
    void anAdminBackfillsARangeOfTheirBrandButNeverToday() {
        var admin = staff(brand.staff("ADMIN", null), STAFF_PASSWORD);
        admin.document("mutation { backfillAnalytics(input: { from: \"2026-11-20\", to: \"2026-11-30\" }) "
                        + "{ days userErrors { field code } } }").execute()
                .path("backfillAnalytics.days").entity(Integer.class).isEqualTo(3);
        assertThat(rolledUpDays()).isEqualTo(3);
        admin.document("mutation { backfillAnalytics(input: { from: \"2026-11-20\", to: \"2026-11-01\" }) "
                        + "{ days userErrors { field code } } }").execute()
                .path("backfillAnalytics.userErrors[0].field").entityList(String.class).containsExactly("input", "to");
        staff(brand.managerUsername, STAFF_PASSWORD)
                .document("mutation { backfillAnalytics(input: { from: \"2026-11-20\", to: \"2026-11-21\" }) { days } }")
                .execute().errors().expect(e -> "FORBIDDEN".equals(e.getExtensions().get("classification"))).verify();
    }

    private void assertEveryScopeMatchesTheRawTables() {
        new RangeNumbers(db, reads, zone).assertEveryScopeMatches(brand.brandId, FROM, TODAY, null, storeA, storeB);
    }

    private long rolledUpDays() {
        return count("select count(*) as n from analytics_rollup_day where brand_id = :b");
    }

    private long count(String sql) {
        return db.sql(sql).bind("b", brand.brandId).map(row -> ((Number) row.get("n")).longValue()).one().block();
    }

    private static LocalDate d(int dayOfNovember) {
        return LocalDate.of(2026, 11, dayOfNovember);
    }
}
