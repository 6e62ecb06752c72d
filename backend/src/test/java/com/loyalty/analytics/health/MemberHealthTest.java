package com.loyalty.analytics.health;

import static org.assertj.core.api.Assertions.assertThat;

import com.loyalty.analytics.EconomyExports;
import com.loyalty.analytics.rollup.RollupRepository;
import com.loyalty.analytics.rollup.RollupService;
import com.loyalty.points.EntryKind;
import com.loyalty.points.PointsService;
import com.loyalty.shared.config.BrandProperties;
import com.loyalty.support.HandBuiltBrand;
import com.loyalty.support.HandBuiltEconomy;
import com.loyalty.support.HandBuiltLedger;
import com.loyalty.support.IntegrationTest;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * The health check of May 2026 (beside April) for a hand-built brand, today 2026-06-15. Members
 * registered at the brand's store (2026-01-01 unless said) and bought there.
 * <pre>
 * new-member conversion  May: N1 (reg 05-03, bought 05-10), N2 (reg 05-20, bought 06-02), N3 (reg 05-25),
 *                        N4 (reg 05-28, bought 05-29) -> 2/4 = 0.5; April: A1 (04-02, bought 04-03),
 *                        A2 (04-10), A3 (04-15, bought 04-20) -> 2/3. Brand-wide also O (reg 05-05 at the
 *                        other store, bought there 05-06): 3/5.
 * high-value retention   March buyers: H1 500.00, H2 400.00, H3 20.00, S1..S7 10.00..5.00 (10) -> top fifth
 *                        H1 H2, both bought in April -> 2/2; April buyers: H1 600.00, H3 300.00, H2 A1 A3
 *                        10.00, S1..S5 1.00 (10) -> top fifth H1 H3; in May only H1 bought -> 1/2
 * points redemption      May: P1 (500 on 04-10, redeemed 100 on 05-12), P2 (300 on 04-11), P3 (10 check-in
 *                        05-03, spent on a coupon 05-04), P5 (50 left from April) hold points; P1 P3
 *                        spent -> 2/4. April: P1 P2 P5
 *                        (100 on 04-01, redeemed 50 on 04-20) received points, P4 (200 on 03-01, redeemed
 *                        in March) holds none -> 1/3
 * campaign participation K1 coupon pack 04-20..05-20 treated H1 A3 P1 (control P2); A3 used its coupon 04-20.
 *                        K2 points 05-15..06-15 treated N4 H1; N4 bought 05-29. May: targeted H1 A3 P1 N4,
 *                        took part N4 -> 1/4; April: targeted H1 A3 P1, took part A3 -> 1/3
 * </pre>
 * Once March to May are rolled up, retention reads them from the member x month rollup.
 */
class MemberHealthTest extends IntegrationTest {

    @Autowired
    PasswordEncoder passwords;
    @Autowired
    BrandProperties brandProperties;
    @Autowired
    PointsService pointsService;
    @Autowired
    TransactionalOperator tx;
    @Autowired
    RollupService rollups;
    @Autowired
    RollupRepository dayRollups;

    HandBuiltBrand brand;
    HandBuiltEconomy more;
    HandBuiltLedger ledger;
    long other;

    @BeforeEach
    void handBuiltBrand() {
        clock.setTo(LocalDate.of(2026, 6, 15).atTime(LocalTime.of(15, 0)).atZone(brandProperties.zone()).toInstant());
        brand = new HandBuiltBrand(db, passwords, brandProperties.zone(), STAFF_PASSWORD);
        more = new HandBuiltEconomy(brand, db, passwords, brandProperties.zone());
        ledger = new HandBuiltLedger(brand, pointsService, tx, brandProperties.zone());
        other = more.store("other");
        long n1 = joined("2026-05-03", "2026-05-10:1000");
        joined("2026-05-20", "2026-06-02:1000");
        joined("2026-05-25");
        long n4 = joined("2026-05-28", "2026-05-29:1000");
        joined("2026-04-02", "2026-04-03:1000");
        joined("2026-04-10");
        long a3 = joined("2026-04-15");
        long a3Buys = brand.purchase(a3, day("2026-04-20"), 1000);
        long o = more.registeredAt(brand.member("O", day("2026-05-05")), other);
        more.purchaseAt(other, o, day("2026-05-06"), 1000);
        long h1 = joined("2026-01-01", "2026-03-05:50000", "2026-04-05:60000", "2026-05-05:70000");
        joined("2026-01-01", "2026-03-06:40000", "2026-04-06:1000");
        joined("2026-01-01", "2026-03-07:2000", "2026-04-07:30000");
        for (int i = 1; i <= 7; i++) {
            List<String> buys = new ArrayList<>(List.of("2026-03-1" + (i - 1) + ":" + (1100 - i * 100)));
            if (i <= 5) {
                buys.add("2026-04-1" + i + ":100");
            }
            joined("2026-01-01", buys.toArray(String[]::new));
        }
        long p1 = joined("2026-01-01");
        long p2 = joined("2026-01-01");
        long p3 = joined("2026-01-01");
        long p4 = joined("2026-01-01");
        long p5 = joined("2026-01-01");
        LocalDate later = day("2027-06-30");
        ledger.credit(p1, EntryKind.EARN, 500, day("2026-04-10"), null, later);
        ledger.debit(p1, EntryKind.REDEEM, 100, day("2026-05-12"), null);
        ledger.credit(p2, EntryKind.EARN, 300, day("2026-04-11"), null, later);
        ledger.credit(p3, EntryKind.CHECK_IN, 10, day("2026-05-03"), null, later);
        ledger.debit(p3, EntryKind.COUPON_EXCHANGE, 10, day("2026-05-04"), null);
        ledger.credit(p4, EntryKind.EARN, 200, day("2026-03-01"), null, later);
        ledger.debit(p4, EntryKind.REDEEM, 200, day("2026-03-02"), null);
        ledger.credit(p5, EntryKind.EARN, 100, day("2026-04-01"), null, later);
        ledger.debit(p5, EntryKind.REDEEM, 50, day("2026-04-20"), null);
        long k1 = more.campaign("K1", "COUPON_PACK", day("2026-04-20"), day("2026-05-20"));
        for (long treated : new long[] {h1, a3, p1}) {
            more.inCampaign(k1, treated, false);
        }
        more.inCampaign(k1, p2, true);
        more.use(more.coupon(more.couponTemplate("回流券", 500), a3, day("2026-04-20"), k1), a3Buys);
        long k2 = more.campaign("K2", "POINTS", day("2026-05-15"), day("2026-06-15"));
        more.inCampaign(k2, n4, false);
        more.inCampaign(k2, h1, false);
        assertThat(n1).isPositive();
    }

    @Test
    void managerSeesMaysFourRatesBesideAprils() {
        Map<String, Object> health = health(staff(brand.managerUsername, STAFF_PASSWORD), "2026-05", null);

        assertThat(health).containsEntry("month", "2026-05").containsEntry("previousMonth", "2026-04")
                .containsEntry("storeId", String.valueOf(brand.storeId));
        assertMetric(health, "newMemberConversion", 2, 4, 2, 3);
        assertMetric(health, "highValueRetention", 1, 2, 2, 2);
        assertMetric(health, "pointsRedemption", 2, 4, 1, 3);
        assertMetric(health, "campaignParticipation", 1, 4, 1, 3);
    }

    @Test
    void adminSeesTheWholeBrand() {
        HttpGraphQlTester admin = staff(more.staff("ADMIN", null, STAFF_PASSWORD), STAFF_PASSWORD);

        Map<String, Object> health = health(admin, "2026-05", null);

        assertThat(health).containsEntry("storeId", null);
        assertMetric(health, "newMemberConversion", 3, 5, 2, 3);
        assertMetric(health, "highValueRetention", 1, 2, 2, 2);
    }

    @Test
    void theRatesAreTheSameFromTheMonthRollupAndALateOrderInARolledUpMonthCountsAtOnce() {
        rollups.backfill(brand.brandId, day("2026-03-01"), day("2026-06-14")).block();
        HttpGraphQlTester admin = staff(more.staff("ADMIN", null, STAFF_PASSWORD), STAFF_PASSWORD);
        Map<String, Object> store = health(staff(brand.managerUsername, STAFF_PASSWORD), "2026-05", null);
        assertMetric(store, "newMemberConversion", 2, 4, 2, 3);
        assertMetric(store, "highValueRetention", 1, 2, 2, 2);
        assertMetric(store, "pointsRedemption", 2, 4, 1, 3);
        assertMetric(store, "campaignParticipation", 1, 4, 1, 3);
        Map<String, Object> brandWide = health(admin, "2026-05", null);
        assertMetric(brandWide, "newMemberConversion", 3, 5, 2, 3);
        assertMetric(brandWide, "highValueRetention", 1, 2, 2, 2);

        // H3 (top fifth of April) bought again on 05-05, recorded late: May is read from the raw tables
        long h3 = db.sql("select member_id from purchase where brand_id = :b and amount_cents = 30000")
                .bind("b", brand.brandId).map(row -> row.get("member_id", Long.class)).one().block();
        brand.purchase(h3, day("2026-05-05"), 1000);
        dayRollups.markStale(brand.brandId, day("2026-05-05")).block();
        assertMetric(health(admin, "2026-05", null), "highValueRetention", 2, 2, 2, 2);

        rollups.backfill(brand.brandId, day("2026-05-05"), day("2026-05-05")).block();
        assertMetric(health(admin, "2026-05", null), "highValueRetention", 2, 2, 2, 2);
        assertMetric(health(staff(brand.managerUsername, STAFF_PASSWORD), "2026-05", null), "highValueRetention",
                2, 2, 2, 2);
    }

    @Test
    void aMonthMustBeYearAndMonthAndOtherStoresAreRefused() {
        HttpGraphQlTester manager = staff(brand.managerUsername, STAFF_PASSWORD);
        manager.documentName("memberHealth").variable("month", "May 2026").execute()
                .errors().expect(e -> e.getMessage().contains("YYYY-MM")).verify();
        manager.documentName("memberHealth").variable("month", "2026-05").variable("storeId", String.valueOf(other))
                .execute().errors().expect(e -> "FORBIDDEN".equals(e.getExtensions().get("classification"))).verify();
        staff(more.staff("CLERK", brand.storeId, STAFF_PASSWORD), STAFF_PASSWORD).documentName("memberHealth")
                .variable("month", "2026-05").execute()
                .errors().expect(e -> "FORBIDDEN".equals(e.getExtensions().get("classification"))).verify();
    }

    @Test
    void theHealthExportHasOneRowPerMonthAndRate() {
        List<String> csv = EconomyExports.lines(staff(brand.managerUsername, STAFF_PASSWORD), "MEMBER_HEALTH",
                Map.of("from", "2026-05-01", "to", "2026-05-31"));

        assertThat(csv).containsExactly("月份,指标,人数,基数,比率,上月人数,上月基数,上月比率,变化",
                "2026-05,新会员转化率,2,4,0.5,2,3,0.6667,-0.1667",
                "2026-05,高价值会员留存率,1,2,0.5,2,2,1,-0.5",
                "2026-05,积分使用活跃度,2,4,0.5,1,3,0.3333,0.1667",
                "2026-05,活动参与率,1,4,0.25,1,3,0.3333,-0.0833");
    }

    /** A member registered at the brand's store on the day, with purchases "day:cents" there. */
    private long joined(String registered, String... buys) {
        long id = more.registeredAt(brand.member("m", day(registered)), brand.storeId);
        Arrays.stream(buys).map(b -> b.split(":"))
                .forEach(b -> brand.purchase(id, day(b[0]), Long.parseLong(b[1])));
        return id;
    }

    @SuppressWarnings("unchecked")
    private static void assertMetric(Map<String, Object> health, String name, int members, int base,
                                     int previousMembers, int previousBase) {
        Map<String, Object> m = (Map<String, Object>) health.get(name);
        assertThat(List.of(m.get("members"), m.get("base"), m.get("previousMembers"), m.get("previousBase")))
                .as(name).isEqualTo(List.of(members, base, previousMembers, previousBase));
        double rate = (double) members / base;
        double previous = (double) previousMembers / previousBase;
        assertThat((Double) m.get("rate")).as(name).isCloseTo(rate, Offset.offset(1e-9));
        assertThat((Double) m.get("previousRate")).as(name).isCloseTo(previous, Offset.offset(1e-9));
        assertThat((Double) m.get("change")).as(name).isCloseTo(rate - previous, Offset.offset(1e-9));
    }

    private static LocalDate day(String day) {
        return LocalDate.parse(day);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> health(HttpGraphQlTester staff, String month, String storeId) {
        return staff.documentName("memberHealth").variable("month", month).variable("storeId", storeId).execute()
                .path("memberHealth").entity(Map.class).get();
    }
}
