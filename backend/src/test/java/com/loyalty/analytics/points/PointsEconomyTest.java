package com.loyalty.analytics.points;

import static org.assertj.core.api.Assertions.assertThat;

import com.loyalty.analytics.EconomyExports;
import com.loyalty.points.EntryKind;
import com.loyalty.points.PointsService;
import com.loyalty.shared.config.BrandProperties;
import com.loyalty.support.HandBuiltBrand;
import com.loyalty.support.HandBuiltEconomy;
import com.loyalty.support.HandBuiltLedger;
import com.loyalty.support.IntegrationTest;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * The points economy of a hand-built brand, today 2026-06-15 15:00, range 06-01..06-15 by week
 * (Mon 06-01..06-07, 06-08..06-14, 06-15). All entries at noon; "exp" is the bucket's expiry (noon).
 * M1 registered at the brand's store, M2 at the other store, M3 at none.
 * <pre>
 * day    member  entry                             store counted   buckets left at the end
 * 05-01  M2      CHECK_IN +10 exp 06-06            other           expired 06-07
 * 05-20  M1      EARN +1000 at the store exp 07-10 store           A 1000-300-10-100-100 = 490
 * 06-02  M1      EARN +500 at the store exp 08-01  store           B 500
 * 06-03  M1      REDEEM -300 at the store          store           (from A)
 * 06-05  M2      CHECK_IN +20 exp 09-01            other           20
 * 06-07  M2      EXPIRE -10 (the 05-01 bucket)     other
 * 06-08  M1      MAKE_UP -10                       store           (from A)
 * 06-09  M1      REFUND_REVERSE -100 at the store  store           (from A)
 * 06-10  M1      REFUND_RETURN +50 exp 12-31       store           50
 * 06-11  M3      ADJUST +200 exp 2027-01-01        none            200-50 = 150
 * 06-12  M3      ADJUST -50                        none
 * 06-13  M1      COUPON_EXCHANGE -100              store           (from A)
 * 06-14  M2      REFERRAL +30 exp 07-01            other           30
 * 06-15  M1      EARN +80 at the store exp 2027-06-30, CAMPAIGN +40 exp 06-30   store   80, 40
 *
 * store: week 1 earned 500, redeemed 300; week 2 make-up 10, reversed 100, returned 50, exchange 100;
 *        week 3 earned 80, campaign 40. Total issued 620, redeemed 410, net 620-410-100+50 = 160.
 *        Liability M1 1160 points = 1160 cents (100 points a yuan). Expiring (from 06-15 15:00):
 *        30 days (to 07-15): A 490 + campaign 40 = 530; 60 days: + B 500 = 1030; 90 days: 1030.
 * brand: + check-in 20, expired 10 (week 1), referral 30, adjusted +200 -50 (week 2): issued 670,
 *        net 670-410-10-100+50+200-50 = 350; liability 1160 + M2 50 + M3 150 = 1360;
 *        expiring 30: 530 + 30 = 560, 60: 1060, 90: 1060 + 20 = 1080.
 * </pre>
 */
class PointsEconomyTest extends IntegrationTest {

    static final LocalDate TODAY = LocalDate.of(2026, 6, 15);

    @Autowired
    PasswordEncoder passwords;
    @Autowired
    BrandProperties brandProperties;
    @Autowired
    PointsService pointsService;
    @Autowired
    TransactionalOperator tx;

    HandBuiltBrand brand;
    HandBuiltEconomy more;
    long otherStore;
    HttpGraphQlTester brandAdmin;

    @BeforeEach
    void handBuiltBrand() {
        clock.setTo(TODAY.atTime(LocalTime.of(15, 0)).atZone(brandProperties.zone()).toInstant());
        brand = new HandBuiltBrand(db, passwords, brandProperties.zone(), STAFF_PASSWORD);
        more = new HandBuiltEconomy(brand, db, passwords, brandProperties.zone());
        HandBuiltLedger ledger = new HandBuiltLedger(brand, pointsService, tx, brandProperties.zone());
        otherStore = more.store("other");
        brandAdmin = staff(more.staff("ADMIN", null, STAFF_PASSWORD), STAFF_PASSWORD);
        long store = brand.storeId;
        long m1 = more.registeredAt(brand.member("M1", day("2026-01-01")), store);
        long m2 = more.registeredAt(brand.member("M2", day("2026-01-01")), otherStore);
        long m3 = brand.member("M3", day("2026-01-01"));
        long old = ledger.credit(m2, EntryKind.CHECK_IN, 10, day("2026-05-01"), null, day("2026-06-06"));
        ledger.credit(m1, EntryKind.EARN, 1000, day("2026-05-20"), store, day("2026-07-10"));
        ledger.credit(m1, EntryKind.EARN, 500, day("2026-06-02"), store, day("2026-08-01"));
        ledger.debit(m1, EntryKind.REDEEM, 300, day("2026-06-03"), store);
        ledger.credit(m2, EntryKind.CHECK_IN, 20, day("2026-06-05"), null, day("2026-09-01"));
        ledger.expire(m2, old, 10, day("2026-06-07"));
        ledger.debit(m1, EntryKind.MAKE_UP, 10, day("2026-06-08"), null);
        ledger.debit(m1, EntryKind.REFUND_REVERSE, 100, day("2026-06-09"), store);
        ledger.credit(m1, EntryKind.REFUND_RETURN, 50, day("2026-06-10"), store, day("2026-12-31"));
        ledger.credit(m3, EntryKind.ADJUST, 200, day("2026-06-11"), null, day("2027-01-01"));
        ledger.debit(m3, EntryKind.ADJUST, 50, day("2026-06-12"), null);
        ledger.debit(m1, EntryKind.COUPON_EXCHANGE, 100, day("2026-06-13"), null);
        ledger.credit(m2, EntryKind.REFERRAL, 30, day("2026-06-14"), null, day("2026-07-01"));
        ledger.credit(m1, EntryKind.EARN, 80, TODAY, store, day("2027-06-30"));
        ledger.credit(m1, EntryKind.CAMPAIGN, 40, TODAY, null, day("2026-06-30"));
    }

    @Test
    void managerSeesTheStoresPointsByWeekItsLiabilityAndWhatExpiresSoon() {
        Map<String, Object> report = report(staff(brand.managerUsername, STAFF_PASSWORD), null, "WEEK");

        assertThat(report).containsEntry("storeId", String.valueOf(brand.storeId))
                .containsEntry("liability", 1160).containsEntry("liabilityCents", 1160);
        assertThat(report.get("expiring")).isEqualTo(List.of(expiring(30, 530), expiring(60, 1030), expiring(90, 1030)));
        assertThat(report.get("total")).isEqualTo(flow("2026-06-01", "2026-06-15", Map.of("earned", 580, "campaign", 40,
                "redeemedAtTill", 300, "couponExchange", 100, "makeUp", 10, "reversedByRefunds", 100,
                "returnedByRefunds", 50)));
        assertThat(report.get("series")).isEqualTo(List.of(
                flow("2026-06-01", "2026-06-07", Map.of("earned", 500, "redeemedAtTill", 300)),
                flow("2026-06-08", "2026-06-14", Map.of("makeUp", 10, "reversedByRefunds", 100,
                        "returnedByRefunds", 50, "couponExchange", 100)),
                flow("2026-06-15", "2026-06-15", Map.of("earned", 80, "campaign", 40))));
        assertThat(((Map<?, ?>) report.get("total")).get("net")).isEqualTo(160);
    }

    @Test
    void adminSeesTheWholeBrandWithAdjustmentsAndExpiriesApart() {
        Map<String, Object> report = report(brandAdmin, null, "WEEK");

        assertThat(report).containsEntry("storeId", null).containsEntry("liability", 1360);
        assertThat(report.get("expiring")).isEqualTo(List.of(expiring(30, 560), expiring(60, 1060), expiring(90, 1080)));
        assertThat(report.get("total")).isEqualTo(flow("2026-06-01", "2026-06-15", Map.ofEntries(
                Map.entry("earned", 580), Map.entry("checkIn", 20), Map.entry("referral", 30), Map.entry("campaign", 40),
                Map.entry("redeemedAtTill", 300), Map.entry("couponExchange", 100), Map.entry("makeUp", 10),
                Map.entry("expired", 10), Map.entry("reversedByRefunds", 100), Map.entry("returnedByRefunds", 50),
                Map.entry("adjustedUp", 200), Map.entry("adjustedDown", 50))));
        assertThat(((Map<?, ?>) report.get("total")).get("net")).isEqualTo(350);
        assertThat(report(brandAdmin, String.valueOf(otherStore), "WEEK").get("total"))
                .isEqualTo(flow("2026-06-01", "2026-06-15", Map.of("checkIn", 20, "expired", 10, "referral", 30)));
    }

    @Test
    void rolledUpDaysGiveTheSameAnswerAsTheLedgerAndTodayIsAddedLive() {
        Map<String, Object> raw = report(brandAdmin, null, "DAY");

        runRollup("2026-06-13");
        Map<String, Object> partlyRolledUp = report(brandAdmin, null, "DAY");
        runRollup(TODAY.toString());
        Map<String, Object> rolledUp = report(brandAdmin, null, "DAY");
        runRollup(TODAY.toString());

        assertThat(partlyRolledUp).isEqualTo(raw);
        assertThat(rolledUp).isEqualTo(raw);
        assertThat(report(brandAdmin, null, "DAY")).isEqualTo(raw);
        assertThat(rolledUpRows()).as("06-01..06-14 come from the rollup").isEqualTo(directFromLedger(TODAY));
        assertThat(days(rolledUp)).isEqualTo(daily(directFromLedger(TODAY.plusDays(1))));
    }

    @Test
    void pastDaysAreReadFromTheRollupUntilMarkedDirtyAndRolledUpAgain() {
        runRollup(TODAY.toString());
        db.sql("update analytics_points_daily set credited = credited + 1000 where brand_id = :b and day = '2026-06-02'"
                        + " and kind = 'EARN'").bind("b", brand.brandId).then().block();
        assertThat(earned(report(brandAdmin, null, "WEEK"))).as("read from the (doctored) rollup").isEqualTo(1580);

        db.sql("update analytics_economy_day set dirty = true where brand_id = :b and day = '2026-06-02'")
                .bind("b", brand.brandId).then().block();
        assertThat(earned(report(brandAdmin, null, "WEEK"))).as("a dirty day is read from the ledger").isEqualTo(580);

        runRollup("2026-06-03");
        assertThat(earned(report(brandAdmin, null, "WEEK"))).as("rolled up again from the ledger").isEqualTo(580);
    }

    @Test
    void anAdminsBackfillRollsUpThePointsDaysAndTheReportStaysTheSameWithTodayLive() {
        Map<String, Object> rawBrand = report(brandAdmin, null, "DAY");
        HttpGraphQlTester manager = staff(brand.managerUsername, STAFF_PASSWORD);
        Map<String, Object> rawStore = report(manager, null, "WEEK");

        brandAdmin.document("mutation { backfillAnalytics(input: { from: \"2026-06-01\", to: \"2026-06-30\" })"
                        + " { days userErrors { code } } }").execute()
                .path("backfillAnalytics.days").entity(Integer.class).isEqualTo(14);

        assertThat(readyDays()).as("06-01..06-14 rolled up, today not").isEqualTo(14);
        assertThat(rolledUpRows()).isEqualTo(directFromLedger(TODAY));
        assertThat(report(brandAdmin, null, "DAY")).isEqualTo(rawBrand);
        assertThat(report(manager, null, "WEEK")).isEqualTo(rawStore);
        new HandBuiltLedger(brand, pointsService, tx, brandProperties.zone())
                .credit(brand.member("M4", day("2026-06-01")), EntryKind.CHECK_IN, 7, TODAY, null, day("2026-07-31"));
        assertThat(((Map<?, ?>) report(brandAdmin, null, "DAY").get("total")).get("checkIn"))
                .as("today's entries are read live").isEqualTo(27);
    }

    private long readyDays() {
        return db.sql("select count(*) as n from analytics_economy_day where brand_id = :b and computed_at is not null"
                        + " and not dirty").bind("b", brand.brandId)
                .map(row -> row.get("n", Long.class)).one().block();
    }

    @Test
    void thePointsExportHasTheSameNumbers() {
        Map<String, Object> range = Map.of("from", "2026-06-01", "to", "2026-06-15", "granularity", "WEEK");

        assertThat(EconomyExports.lines(staff(brand.managerUsername, STAFF_PASSWORD), "POINTS_ECONOMY", range))
                .containsExactly("类型,开始日期,结束日期,发放积分,消费获得,签到,邀请,活动赠送,集章奖励,会员活动到场,抽奖奖品,充值赠送,"
                                + "消耗积分,收银抵现,兑换优惠券,补签,积分商城（扣除退回）,积分抽奖,过期,退款扣回,退款返还,手工增加,手工扣减,"
                                + "导入期初,净变化,当前积分负债,负债价值（元）,30天内到期,60天内到期,90天内到期",
                        "期间,2026-06-01,2026-06-07,500,500,0,0,0,0,0,0,0,300,300,0,0,0,0,0,0,0,0,0,0,200,,,,,",
                        "期间,2026-06-08,2026-06-14,0,0,0,0,0,0,0,0,0,110,0,100,10,0,0,0,100,50,0,0,0,-160,,,,,",
                        "期间,2026-06-15,2026-06-15,120,80,0,0,40,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,120,,,,,",
                        "合计,2026-06-01,2026-06-15,620,580,0,0,40,0,0,0,0,410,300,100,10,0,0,0,100,50,0,0,0,160,1160,11.60,530,1030,1030");
    }

    private static Object earned(Map<String, Object> report) {
        return ((Map<?, ?>) report.get("total")).get("earned");
    }

    private void runRollup(String asOf) {
        brandAdmin.documentName("runJob").variable("job", "ECONOMY_ROLLUP").variable("asOf", asOf).execute()
                .path("runJob.userErrors").entityList(Object.class).hasSize(0);
    }

    /** day|kind -> credited/debited straight from the ledger, for days before {@code until}. */
    private Map<String, String> directFromLedger(LocalDate until) {
        Map<String, String> rows = new LinkedHashMap<>();
        db.sql("""
                        select (created_at at time zone :zone)::date as day, kind,
                               sum(greatest(delta, 0)) as credited, sum(greatest(-delta, 0)) as debited
                        from points_ledger where brand_id = :b and created_at >= :from and created_at < :until
                        group by 1, 2 order by 1, 2
                        """)
                .bind("zone", brandProperties.zone().getId()).bind("b", brand.brandId)
                .bind("from", day("2026-06-01").atStartOfDay(brandProperties.zone()).toInstant())
                .bind("until", until.atStartOfDay(brandProperties.zone()).toInstant())
                .map(row -> Map.entry(row.get("day", LocalDate.class) + "|" + row.get("kind", String.class),
                        row.get("credited", Long.class) + "/" + row.get("debited", Long.class)))
                .all().doOnNext(e -> rows.put(e.getKey(), e.getValue())).blockLast();
        return rows;
    }

    private Map<String, String> rolledUpRows() {
        Map<String, String> rows = new LinkedHashMap<>();
        db.sql("""
                        select day, kind, sum(credited) as credited, sum(debited) as debited from analytics_points_daily
                        where brand_id = :b and day >= '2026-06-01' group by 1, 2 order by 1, 2
                        """)
                .bind("b", brand.brandId)
                .map(row -> Map.entry(row.get("day", LocalDate.class) + "|" + row.get("kind", String.class),
                        row.get("credited", Long.class) + "/" + row.get("debited", Long.class)))
                .all().doOnNext(e -> rows.put(e.getKey(), e.getValue())).blockLast();
        return rows;
    }

    /** day -> net points of that day, from the API's daily series (days without entries left out). */
    @SuppressWarnings("unchecked")
    private static Map<String, Long> days(Map<String, Object> report) {
        Map<String, Long> net = new LinkedHashMap<>();
        for (Map<String, Object> p : (List<Map<String, Object>>) report.get("series")) {
            long n = ((Number) p.get("net")).longValue();
            boolean moved = ((Number) p.get("issued")).longValue() + ((Number) p.get("redeemed")).longValue()
                    + ((Number) p.get("expired")).longValue() + ((Number) p.get("reversedByRefunds")).longValue()
                    + ((Number) p.get("returnedByRefunds")).longValue() + ((Number) p.get("adjustedUp")).longValue()
                    + ((Number) p.get("adjustedDown")).longValue() > 0;
            if (moved) {
                net.put((String) p.get("start"), n);
            }
        }
        return net;
    }

    /** day -> net points, from day|kind -> credited/debited rows. */
    private static Map<String, Long> daily(Map<String, String> rows) {
        Map<String, Long> net = new LinkedHashMap<>();
        rows.forEach((key, value) -> {
            String[] cd = value.split("/");
            net.merge(key.split("\\|")[0], Long.parseLong(cd[0]) - Long.parseLong(cd[1]), Long::sum);
        });
        return net;
    }

    private static LocalDate day(String day) {
        return LocalDate.parse(day);
    }

    private static Map<String, Object> expiring(int days, long points) {
        return Map.of("days", days, "points", (int) points, "cents", (int) points);
    }

    /** The whole PointsFlow as the API shows it: the given fields, zeros elsewhere, sums worked out. */
    static Map<String, Object> flow(String start, String end, Map<String, Integer> given) {
        Map<String, Object> f = new HashMap<>();
        f.put("start", start);
        f.put("end", end);
        List<String> issuedFrom = List.of("earned", "checkIn", "referral", "campaign", "stampCards", "events",
                "lotteryPrizes", "rechargeBonus");
        List<String> redeemedFrom = List.of("redeemedAtTill", "couponExchange", "makeUp", "mallRedemptions", "lotteryDraws");
        List<String> others = List.of("expired", "reversedByRefunds", "returnedByRefunds", "adjustedUp", "adjustedDown",
                "imported");
        for (List<String> keys : List.of(issuedFrom, redeemedFrom, others)) {
            keys.forEach(k -> f.put(k, given.getOrDefault(k, 0)));
        }
        assertThat(f.keySet()).as("only known figures").containsAll(given.keySet());
        int issued = issuedFrom.stream().mapToInt(k -> (int) f.get(k)).sum();
        int redeemed = redeemedFrom.stream().mapToInt(k -> (int) f.get(k)).sum();
        f.put("issued", issued);
        f.put("redeemed", redeemed);
        f.put("net", issued - redeemed - (int) f.get("expired") - (int) f.get("reversedByRefunds")
                + (int) f.get("returnedByRefunds") + (int) f.get("adjustedUp") - (int) f.get("adjustedDown")
                + (int) f.get("imported"));
        return f;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> report(HttpGraphQlTester staff, String storeId, String granularity) {
        Map<String, Object> range = new HashMap<>(Map.of("from", "2026-06-01", "to", "2026-06-15",
                "granularity", granularity));
        range.put("storeId", storeId);
        return staff.documentName("pointsEconomy").variable("range", range).execute()
                .path("pointsEconomy").entity(Map.class).get();
    }
}
