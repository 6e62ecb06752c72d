package com.loyalty.analytics.numbers;

import static org.assertj.core.api.Assertions.assertThat;

import com.loyalty.analytics.rollup.RollupService;
import com.loyalty.shared.config.BrandProperties;
import com.loyalty.support.HandBuiltBrand;
import com.loyalty.support.IntegrationTest;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Member growth, activity and sales of a hand-built brand, every number computed by hand. Today is
 * Monday 2026-11-23, 15:00 China time; the range is 11-09 (Mon) to 11-23, by week:
 * W1 11-09..11-15, W2 11-16..11-22, W3 11-23 (today, read live); the previous range is 10-25..11-08.
 * <pre>
 * member joined (China time)        channel/store  phone            orders (store, yuan)                    check-ins made / points spent
 * O      09-01                      STORE A        09-01            A 11-23 10:00 ¥70                       11-23 / REDEEM 100 at B 11-23
 * P      10-30 10:00                STORE A        10-30            A 11-08 23:59:59 ¥999 (previous range)  REDEEM 200 at A 11-16
 *                                                                   A 11-16 00:00:00 ¥60, A 11-17 ¥40 fully refunded
 * Q      11-08 23:59:59             MINI_PROGRAM   none             none                                    11-08 (previous range)
 * R      11-09 00:00:00             STORE A        11-09 00:10      A 11-09 00:00:00 ¥100, A 11-10 ¥50,      11-09, 11-10
 *                                                                   B 11-20 ¥30
 * S      11-12 14:00                STORE B        11-13 (next day) B 11-12 ¥80, B 11-15 23:59:59 ¥20       MAKE_UP 20 11-14 (no store: home B)
 * T      11-20 10:00                MINI_PROGRAM   11-20 10:01      none                                    11-21 and a make-up made 11-21;
 *                                                                                                           COUPON_EXCHANGE 500 11-21 (no store)
 * U      11-23 09:00                IMPORT A       none             none
 * guests: A 11-11 ¥25, A 11-18 ¥35 (¥10 refunded), B 11-19 ¥50, A 11-22 ¥40 fully refunded, A 11-23 ¥15
 *
 * Growth, brand: new R S T U = 4 vs P Q = 2 before: +100%; same-day phone R T = 2 (50%); members at the
 *   end O P Q + 4 = 7, with a phone O P R S T = 5. W1 new R S (phone R), members 5, phones O P R S = 4;
 *   W2 new T (phone), 6, 5; W3 new U, 7, 5. Channels: mini-program T, store R S, import U.
 *   Stores: A R U (phone R), B S, none T. Store A: new R U = 2 vs P = 1, members O P R U = 4, phones O P R = 3.
 * Sales, brand: member orders R3 S2 P1 O1 = 7, ¥410; guests 4, ¥115 (the fully refunded ones never count);
 *   11 orders ¥525, AOV ¥47.727 -> 4773 cents; member AOV 5857, guest AOV 2875; 会员贡献率 410/525;
 *   buyers R S P O = 4, twice or more R S = 2: repurchase 0.5, frequency 7/4.
 *   W1 member R100 R50 S80 S20 = 4 ¥250, guest ¥25; buyers R S both twice. W2 member P60 R30 ¥90, guests ¥25 ¥50;
 *   buyers P R, none twice. W3 member O70, guest ¥15.
 *   Store A: member R100 R50 P60 O70 = 4 ¥280, guests ¥25 ¥25 ¥15 = 3 ¥65; 7 orders ¥345, AOV 4929,
 *   member 7000, guest 2167; buyers R P O, twice R: 1/3, frequency 4/3.
 * Activity, brand: active R S P O T = 5 of 7 members; check-ins R2 T2 O1 = 5 by R T O (3/7); points spent
 *   by P T S O, 820. W1 active R S, 2 check-ins by R (1/5), S spent 20; W2 active P R T, 2 check-ins by T
 *   (1/6), P T spent 700; W3 O: 1 check-in (1/7), 100 spent.
 *   Store A: active R P O (orders at A, check-ins of A's members, P's redemption at A), 4 members, check-ins
 *   R2 O1 by R O (2/4), P spent 200. Store B: active R S O (orders at B, S's make-up, O's redemption at B),
 *   1 member (S), no check-ins, S O spent 120.
 * </pre>
 */
class MemberAnalyticsTest extends IntegrationTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
    private static final Offset<Double> EXACT = Offset.offset(1e-9);

    @Autowired
    PasswordEncoder passwords;
    @Autowired
    BrandProperties brandProperties;
    @Autowired
    RollupService rollups;

    HandBuiltBrand brand;
    long storeA;
    long storeB;
    HttpGraphQlTester manager;
    HttpGraphQlTester admin;

    @BeforeEach
    void handBuiltBrand() {
        clock.setTo(TODAY.atTime(LocalTime.of(15, 0)).atZone(brandProperties.zone()).toInstant());
        brand = new HandBuiltBrand(db, passwords, brandProperties.zone(), STAFF_PASSWORD);
        storeA = brand.storeId;
        storeB = brand.store("B");
        manager = staff(brand.managerUsername, STAFF_PASSWORD);
        admin = staff(brand.staff("ADMIN", null), STAFF_PASSWORD);

        long o = brand.member("O", brand.noon(LocalDate.of(2026, 9, 1)), "STORE", storeA);
        brand.phone(o, brand.noon(LocalDate.of(2026, 9, 1)));
        long p = brand.member("P", brand.at(d(10, 30), 10, 0, 0), "STORE", storeA);
        brand.phone(p, brand.at(d(10, 30), 10, 5, 0));
        long q = brand.member("Q", brand.at(d(11, 8), 23, 59, 59), "MINI_PROGRAM", null);
        long r = brand.member("R", brand.at(d(11, 9), 0, 0, 0), "STORE", storeA);
        brand.phone(r, brand.at(d(11, 9), 0, 10, 0));
        long s = brand.member("S", brand.at(d(11, 12), 14, 0, 0), "STORE", storeB);
        brand.phone(s, brand.at(d(11, 13), 9, 0, 0));
        long t = brand.member("T", brand.at(d(11, 20), 10, 0, 0), "MINI_PROGRAM", null);
        brand.phone(t, brand.at(d(11, 20), 10, 1, 0));
        brand.member("U", brand.at(TODAY, 9, 0, 0), "IMPORT", storeA);

        brand.order(o, storeA, brand.at(TODAY, 10, 0, 0), 7_000);
        brand.order(p, storeA, brand.at(d(11, 8), 23, 59, 59), 99_900);
        brand.order(p, storeA, brand.at(d(11, 16), 0, 0, 0), 6_000);
        brand.refundAll(brand.order(p, storeA, brand.noon(d(11, 17)), 4_000));
        brand.order(r, storeA, brand.at(d(11, 9), 0, 0, 0), 10_000);
        brand.order(r, storeA, brand.noon(d(11, 10)), 5_000);
        brand.order(r, storeB, brand.noon(d(11, 20)), 3_000);
        brand.order(s, storeB, brand.noon(d(11, 12)), 8_000);
        brand.order(s, storeB, brand.at(d(11, 15), 23, 59, 59), 2_000);
        brand.order(null, storeA, brand.noon(d(11, 11)), 2_500);
        brand.refund(brand.order(null, storeA, brand.noon(d(11, 18)), 3_500), 1_000);
        brand.order(null, storeB, brand.noon(d(11, 19)), 5_000);
        brand.refundAll(brand.order(null, storeA, brand.noon(d(11, 22)), 4_000));
        brand.order(null, storeA, brand.at(TODAY, 11, 0, 0), 1_500);

        brand.checkIn(o, TODAY, brand.at(TODAY, 8, 0, 0));
        brand.checkIn(q, d(11, 8), brand.at(d(11, 8), 8, 0, 0));
        brand.checkIn(r, d(11, 9), brand.at(d(11, 9), 8, 0, 0));
        brand.checkIn(r, d(11, 10), brand.at(d(11, 10), 8, 0, 0));
        brand.checkIn(t, d(11, 21), brand.at(d(11, 21), 9, 0, 0));
        brand.checkIn(t, d(11, 20), brand.at(d(11, 21), 9, 5, 0));
        brand.spendPoints(o, brand.noon(TODAY), 100, "REDEEM", storeB);
        brand.spendPoints(p, brand.at(d(11, 16), 0, 0, 0), 200, "REDEEM", storeA);
        brand.spendPoints(s, brand.noon(d(11, 14)), 20, "MAKE_UP", null);
        brand.spendPoints(t, brand.noon(d(11, 21)), 500, "COUPON_EXCHANGE", null);
    }

    @Test
    void memberGrowthOfTheBrandByWeekChannelAndStore() {
        Map<String, Object> growth = query(admin, "memberGrowth", range(d(11, 9), TODAY, "WEEK", null));

        assertThat(growth.get("storeId")).isNull();
        assertThat((Double) growth.get("growthRate")).isCloseTo(1.0, EXACT);
        numbers(map(growth, "total"), "start", "2026-11-09", "end", "2026-11-23", "newMembers", 4,
                "newMembersWithPhone", 2, "newMemberPhoneShare", 0.5, "members", 7, "membersWithPhone", 5,
                "phoneShare", 5.0 / 7);
        numbers(map(growth, "previous"), "start", "2026-10-25", "end", "2026-11-08", "newMembers", 2,
                "newMembersWithPhone", 1, "members", 3, "membersWithPhone", 2);
        List<Map<String, Object>> weeks = list(growth, "series");
        assertThat(weeks).hasSize(3);
        numbers(weeks.get(0), "start", "2026-11-09", "end", "2026-11-15", "newMembers", 2, "newMembersWithPhone", 1,
                "members", 5, "membersWithPhone", 4, "phoneShare", 0.8);
        numbers(weeks.get(1), "start", "2026-11-16", "end", "2026-11-22", "newMembers", 1, "newMembersWithPhone", 1,
                "newMemberPhoneShare", 1.0, "members", 6, "membersWithPhone", 5);
        numbers(weeks.get(2), "start", "2026-11-23", "end", "2026-11-23", "newMembers", 1, "newMembersWithPhone", 0,
                "newMemberPhoneShare", 0.0, "members", 7, "membersWithPhone", 5);
        assertThat(list(growth, "byChannel")).containsExactly(
                Map.of("channel", "MINI_PROGRAM", "newMembers", 1, "newMembersWithPhone", 1),
                Map.of("channel", "STORE", "newMembers", 2, "newMembersWithPhone", 1),
                Map.of("channel", "IMPORT", "newMembers", 1, "newMembersWithPhone", 0));
        List<Map<String, Object>> stores = list(growth, "byStore");
        assertThat(stores).extracting(m -> m.get("storeId"))
                .containsExactly(String.valueOf(storeA), String.valueOf(storeB), null);
        assertThat(stores).extracting(m -> m.get("newMembers")).containsExactly(2, 1, 1);
        assertThat(stores).extracting(m -> m.get("newMembersWithPhone")).containsExactly(1, 0, 1);
    }

    @Test
    void aManagerReadsTheirOwnStoresGrowthAndAnEmptyPreviousRangeHasNoGrowthRate() {
        Map<String, Object> growth = query(manager, "memberGrowth", range(d(11, 9), TODAY, "DAY", null));
        assertThat(growth.get("storeId")).isEqualTo(String.valueOf(storeA));
        assertThat((Double) growth.get("growthRate")).isCloseTo(1.0, EXACT);
        numbers(map(growth, "total"), "newMembers", 2, "newMembersWithPhone", 1, "members", 4, "membersWithPhone", 3,
                "phoneShare", 0.75);
        assertThat(list(growth, "series")).hasSize(15);
        assertThat(list(growth, "byStore")).extracting(m -> m.get("storeId")).containsExactly(String.valueOf(storeA));

        Map<String, Object> atB = query(admin, "memberGrowth", range(d(11, 9), TODAY, "WEEK", storeB));
        assertThat(atB.get("growthRate")).isNull();
        numbers(map(atB, "total"), "newMembers", 1, "newMembersWithPhone", 0, "members", 1, "membersWithPhone", 1);
        numbers(map(atB, "previous"), "newMembers", 0, "newMemberPhoneShare", null, "members", 0, "phoneShare", null);
    }

    @Test
    void salesOfTheBrandByWeekMembersAgainstGuests() {
        Map<String, Object> sales = query(admin, "salesAnalytics", range(d(11, 9), TODAY, "WEEK", null));

        numbers(map(sales, "total"), "orders", 11, "salesCents", 52_500, "averageOrderCents", 4_773,
                "memberOrders", 7, "memberSalesCents", 41_000, "memberAverageOrderCents", 5_857, "guestOrders", 4,
                "guestSalesCents", 11_500, "guestAverageOrderCents", 2_875, "memberSalesShare", 410.0 / 525,
                "buyers", 4, "repeatBuyers", 2, "repurchaseRate", 0.5, "purchaseFrequency", 1.75);
        List<Map<String, Object>> weeks = list(sales, "series");
        numbers(weeks.get(0), "memberOrders", 4, "memberSalesCents", 25_000, "guestOrders", 1, "guestSalesCents", 2_500,
                "buyers", 2, "repeatBuyers", 2, "repurchaseRate", 1.0, "purchaseFrequency", 2.0);
        numbers(weeks.get(1), "memberOrders", 2, "memberSalesCents", 9_000, "guestOrders", 2, "guestSalesCents", 7_500,
                "averageOrderCents", 4_125, "buyers", 2, "repeatBuyers", 0, "repurchaseRate", 0.0);
        numbers(weeks.get(2), "start", "2026-11-23", "memberOrders", 1, "memberSalesCents", 7_000, "guestOrders", 1,
                "guestSalesCents", 1_500, "buyers", 1);
    }

    @Test
    void salesOfEachStoreAreTheOrdersAtThatStore() {
        numbers(map(query(manager, "salesAnalytics", range(d(11, 9), TODAY, "WEEK", null)), "total"),
                "orders", 7, "salesCents", 34_500, "averageOrderCents", 4_929, "memberOrders", 4,
                "memberSalesCents", 28_000, "memberAverageOrderCents", 7_000, "guestOrders", 3,
                "guestAverageOrderCents", 2_167, "memberSalesShare", 280.0 / 345, "buyers", 3, "repeatBuyers", 1,
                "repurchaseRate", 1.0 / 3, "purchaseFrequency", 4.0 / 3);
        numbers(map(query(admin, "salesAnalytics", range(d(11, 9), TODAY, "MONTH", storeB)), "total"),
                "orders", 4, "salesCents", 18_000, "averageOrderCents", 4_500, "memberAverageOrderCents", 4_333,
                "guestAverageOrderCents", 5_000, "memberSalesShare", 130.0 / 180, "buyers", 2, "repeatBuyers", 1,
                "purchaseFrequency", 1.5);
    }

    @Test
    void businessDaysEndAtMidnightChinaTime() {
        List<Map<String, Object>> days = list(query(manager, "salesAnalytics",
                range(d(11, 15), d(11, 16), "DAY", null)), "series");
        // S's order at 11-15 23:59:59 is at store B; P's at 11-16 00:00:00 at A, the manager's store
        numbers(days.get(0), "start", "2026-11-15", "orders", 0, "averageOrderCents", null, "repurchaseRate", null);
        numbers(days.get(1), "start", "2026-11-16", "orders", 1, "memberSalesCents", 6_000);

        List<Map<String, Object>> brandDays = list(query(admin, "salesAnalytics",
                range(d(11, 15), d(11, 16), "DAY", null)), "series");
        numbers(brandDays.get(0), "memberOrders", 1, "memberSalesCents", 2_000);
        numbers(brandDays.get(1), "memberOrders", 1, "memberSalesCents", 6_000);

        // a month range starting mid-October: the first period is clipped, P's 11-08 23:59:59 order is November's
        Map<String, Object> months = query(admin, "salesAnalytics", range(d(10, 25), TODAY, "MONTH", null));
        List<Map<String, Object>> series = list(months, "series");
        numbers(series.get(0), "start", "2026-10-25", "end", "2026-10-31", "orders", 0, "memberSalesShare", null);
        numbers(series.get(1), "start", "2026-11-01", "end", "2026-11-23", "memberOrders", 8,
                "memberSalesCents", 140_900);
        Map<String, Object> growth = query(admin, "memberGrowth", range(d(10, 25), TODAY, "MONTH", null));
        assertThat(list(growth, "series")).extracting(m -> m.get("newMembers")).containsExactly(1, 5);
    }

    @Test
    void memberActivityOfTheBrandAndOfEachStore() {
        Map<String, Object> activity = query(admin, "memberActivity", range(d(11, 9), TODAY, "WEEK", null));
        numbers(map(activity, "total"), "activeMembers", 5, "members", 7, "checkIns", 5, "checkInMembers", 3,
                "checkInRate", 3.0 / 7, "pointsSpenders", 4, "pointsSpent", 820);
        List<Map<String, Object>> weeks = list(activity, "series");
        numbers(weeks.get(0), "activeMembers", 2, "members", 5, "checkIns", 2, "checkInMembers", 1,
                "checkInRate", 0.2, "pointsSpenders", 1, "pointsSpent", 20);
        numbers(weeks.get(1), "activeMembers", 3, "members", 6, "checkIns", 2, "checkInMembers", 1,
                "checkInRate", 1.0 / 6, "pointsSpenders", 2, "pointsSpent", 700);
        numbers(weeks.get(2), "activeMembers", 1, "members", 7, "checkIns", 1, "checkInMembers", 1,
                "pointsSpenders", 1, "pointsSpent", 100);

        numbers(map(query(manager, "memberActivity", range(d(11, 9), TODAY, "WEEK", null)), "total"),
                "activeMembers", 3, "members", 4, "checkIns", 3, "checkInMembers", 2, "checkInRate", 0.5,
                "pointsSpenders", 1, "pointsSpent", 200);
        numbers(map(query(admin, "memberActivity", range(d(11, 9), TODAY, "WEEK", storeB)), "total"),
                "activeMembers", 3, "members", 1, "checkIns", 0, "checkInMembers", 0, "checkInRate", 0.0,
                "pointsSpenders", 2, "pointsSpent", 120);
    }

    @Test
    void theNumbersAreTheSameOnceThePastDaysAreRolledUpAndTodayStaysLive() {
        Map<String, Object> live = query(admin, "salesAnalytics", range(d(11, 9), TODAY, "WEEK", null));
        Map<String, Object> activityLive = query(admin, "memberActivity", range(d(11, 9), TODAY, "WEEK", null));
        Map<String, Object> growthLive = query(admin, "memberGrowth", range(d(11, 9), TODAY, "WEEK", null));

        assertThat(rollups.backfill(brand.brandId, d(10, 1), TODAY).block()).isEqualTo(53);
        brand.order(null, storeA, brand.at(TODAY, 14, 0, 0), 500);

        Map<String, Object> rolled = query(admin, "salesAnalytics", range(d(11, 9), TODAY, "WEEK", null));
        numbers(map(rolled, "total"), "orders", 12, "guestOrders", 5, "guestSalesCents", 12_000);
        assertThat(list(rolled, "series").subList(0, 2)).isEqualTo(list(live, "series").subList(0, 2));
        assertThat(query(admin, "memberActivity", range(d(11, 9), TODAY, "WEEK", null))).isEqualTo(activityLive);
        assertThat(query(admin, "memberGrowth", range(d(11, 9), TODAY, "WEEK", null))).isEqualTo(growthLive);
    }

    @Test
    void managersReadOnlyTheirStoreAndClerksAndMembersNothing() {
        for (String field : List.of("memberGrowth", "memberActivity", "salesAnalytics")) {
            manager.documentName(field).variable("range", range(d(11, 9), TODAY, "DAY", storeB)).execute()
                    .errors().expect(e -> "FORBIDDEN".equals(e.getExtensions().get("classification"))).verify();
            staff(brand.staff("CLERK", storeA), STAFF_PASSWORD).documentName(field)
                    .variable("range", range(d(11, 9), TODAY, "DAY", null)).execute()
                    .errors().expect(e -> "FORBIDDEN".equals(e.getExtensions().get("classification"))).verify();
            member(unique("nosy")).documentName(field).variable("range", range(d(11, 9), TODAY, "DAY", null)).execute()
                    .errors().expect(e -> "FORBIDDEN".equals(e.getExtensions().get("classification"))).verify();
            admin.documentName(field).variable("range", range(d(11, 9), TODAY, "DAY", 999_999_999L)).execute()
                    .errors().expect(e -> "BAD_REQUEST".equals(e.getExtensions().get("classification"))).verify();
        }
    }

    @Test
    void theSalesReportIsACsvOfThePeriodsAndTheTotal() {
        Map<String, Object> payload = manager.documentName("exportReport")
                .variable("input", Map.of("report", "SALES", "range", range(d(11, 9), TODAY, "WEEK", null))).execute()
                .path("exportReport").entity(Map.class).get();

        assertThat(payload.get("filename")).isEqualTo("sales_2026-11-09_2026-11-23_store-" + storeA + ".csv");
        assertThat(payload.get("rows")).isEqualTo(4);
        String[] lines = ((String) payload.get("csv")).split("\r\n");
        assertThat(lines[0]).startsWith("\uFEFF类型,开始日期,结束日期,订单数,销售额（元）");
        assertThat(lines[1]).startsWith("期间,2026-11-09,2026-11-15,");
        assertThat(lines[4]).isEqualTo("合计,2026-11-09,2026-11-23,7,345.00,49.29,4,280.00,70.00,3,65.00,21.67,"
                + "0.8116,3,1,0.3333,1.3333");
    }

    @Test
    void theGrowthAndActivityReportsExportForTheBrand() {
        String growth = export(admin, "MEMBER_GROWTH", range(d(11, 9), TODAY, "WEEK", null));
        assertThat(growth.split("\r\n")).hasSize(6)
                .contains("合计,2026-11-09,2026-11-23,4,2,0.5,7,5,0.7143,1", "上期,2026-10-25,2026-11-08,2,1,0.5,3,2,0.6667,");
        String activity = export(admin, "MEMBER_ACTIVITY", range(d(11, 9), TODAY, "MONTH", null));
        assertThat(activity.split("\r\n")).containsExactly(
                "\uFEFF类型,开始日期,结束日期,活跃会员,期末会员数,签到次数,签到会员,签到参与率,消耗积分会员,消耗积分",
                "期间,2026-11-09,2026-11-23,5,7,5,3,0.4286,4,820",
                "合计,2026-11-09,2026-11-23,5,7,5,3,0.4286,4,820");
    }

    private String export(HttpGraphQlTester staff, String report, Map<String, Object> range) {
        return staff.documentName("exportReport").variable("input", Map.of("report", report, "range", range))
                .execute().path("exportReport.userErrors").entityList(Object.class).hasSize(0)
                .path("exportReport.csv").entity(String.class).get();
    }

    private static Map<String, Object> range(LocalDate from, LocalDate to, String granularity, Long storeId) {
        Map<String, Object> range = new HashMap<>(Map.of("from", from.toString(), "to", to.toString(),
                "granularity", granularity));
        if (storeId != null) {
            range.put("storeId", String.valueOf(storeId));
        }
        return range;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> query(HttpGraphQlTester staff, String field, Map<String, Object> range) {
        return staff.documentName(field).variable("range", range).execute().path(field).entity(Map.class).get();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> parent, String key) {
        return (Map<String, Object>) parent.get(key);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Map<String, Object> parent, String key) {
        return (List<Map<String, Object>>) parent.get(key);
    }

    /** Asserts key, value pairs: whole numbers exactly, fractions to 1e-9, text and null as they are. */
    private static void numbers(Map<String, Object> actual, Object... keyValues) {
        for (int i = 0; i < keyValues.length; i += 2) {
            String key = (String) keyValues[i];
            Object expected = keyValues[i + 1];
            Object value = actual.get(key);
            if (expected instanceof Double) {
                assertThat(value).as(key).isInstanceOf(Number.class);
                assertThat(((Number) value).doubleValue()).as(key).isCloseTo((Double) expected, EXACT);
            } else if (expected instanceof Number) {
                assertThat(value).as(key).isInstanceOf(Number.class);
                assertThat(((Number) value).longValue()).as(key).isEqualTo(((Number) expected).longValue());
            } else {
                assertThat(value).as(key).isEqualTo(expected);
            }
        }
    }

    private static LocalDate d(int month, int day) {
        return LocalDate.of(2026, month, day);
    }
}
