package com.loyalty.analytics.coupons;

import static org.assertj.core.api.Assertions.assertThat;

import com.loyalty.analytics.EconomyExports;
import com.loyalty.points.PointsService;
import com.loyalty.shared.config.BrandProperties;
import com.loyalty.support.HandBuiltBrand;
import com.loyalty.support.HandBuiltEconomy;
import com.loyalty.support.HandBuiltLedger;
import com.loyalty.support.IntegrationTest;
import com.loyalty.support.Till;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * Coupons and campaigns of a hand-built brand, today 2026-06-15 15:00, range 05-01..06-15 by month.
 * T1 满100减20 (2000 cents off), T2 满50减5 (500). X registered at the brand's store, Y at the other
 * store, Z at none. Purchases at the brand's store unless said.
 * <pre>
 * coupon  template  member  got    used by                                     campaign
 * c1      T1        X       05-03  05-10 X 150.00, discount 20.00              C1
 * c2      T1        Y       05-04  05-20 Y 120.00 at the store, discount 20.00 C1
 * c3      T2        X       05-05  -
 * c8      T1        X       05-25  -
 * c4, c5  T2, T1    X       06-01  06-02 X 300.00, discount 25.01 -> c4 12.51 (lowest id), c5 12.50
 * c6      T2        Z       06-10  06-12 Z 50.00 at the other store, discount 5.00
 * c7      T1        X       06-15  today X 100.00, discount 20.00 (today: computed live)
 * also Z bought 60.00 at the other store on 05-15.
 *
 * store  May: issued c1 c3 c8 = 3, redeemed c1 c2 = 2, 40.00; June: issued c4 c5 c7, redeemed c4 c5 c7, 45.01
 *        total 6 / 5 (rate 5/6), 85.01; T1: issued c1 c5 c7 c8 = 4, redeemed c1 c2 c5 c7 = 4, 72.50;
 *        T2: issued c3 c4 = 2, redeemed c4 = 1 (0.5), 12.51
 * brand  May: issued 4 (+c2), redeemed 2, 40.00; June: issued 4 (+c6), redeemed 4, 50.01; total 8 / 6, 90.01;
 *        T1: 5 / 4 (0.8), 72.50; T2: 3 / 2, 17.51
 *
 * C1 coupon pack 05-01..06-01: treated X Y, control Z. Revenue in the window: treated 150 + 120 = 270.00
 *    (135.00 a member), control 60.00 -> attributed (135 - 60) x 2 = 150.00; cost = discounts 40.00;
 *    ROI = (150 - 40) / 40 = 2.75
 * C2 100 points 06-01..07-01: treated X (got 100 points = 1.00), control Y (no purchase). Revenue: X 300 + 100
 *    = 400.00 -> attributed 400.00; cost 1.00; ROI = (400 - 1) / 1 = 399
 * C0 in March and an unlaunched campaign are not listed.
 * </pre>
 */
class CouponReportTest extends IntegrationTest {

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
    HttpGraphQlTester manager;
    HttpGraphQlTester brandAdmin;
    long t1;
    long t2;
    long c1;
    long c2;

    @BeforeEach
    void handBuiltBrand() {
        clock.setTo(TODAY.atTime(LocalTime.of(15, 0)).atZone(brandProperties.zone()).toInstant());
        brand = new HandBuiltBrand(db, passwords, brandProperties.zone(), STAFF_PASSWORD);
        more = new HandBuiltEconomy(brand, db, passwords, brandProperties.zone());
        HandBuiltLedger ledger = new HandBuiltLedger(brand, pointsService, tx, brandProperties.zone());
        manager = staff(brand.managerUsername, STAFF_PASSWORD);
        brandAdmin = staff(more.staff("ADMIN", null, STAFF_PASSWORD), STAFF_PASSWORD);
        long other = more.store("other");
        t1 = more.couponTemplate("满100减20", 2000);
        t2 = more.couponTemplate("满50减5", 500);
        long x = more.registeredAt(brand.member("X", day("2026-01-01")), brand.storeId);
        long y = more.registeredAt(brand.member("Y", day("2026-01-01")), other);
        long z = brand.member("Z", day("2026-01-01"));
        c1 = more.campaign("回流礼", "COUPON_PACK", day("2026-05-01"), day("2026-06-01"));
        more.inCampaign(c1, x, false);
        more.inCampaign(c1, y, false);
        more.inCampaign(c1, z, true);
        c2 = more.campaign("积分礼", "POINTS", day("2026-06-01"), day("2026-07-01"));
        more.inCampaign(c2, x, false);
        more.inCampaign(c2, y, true);
        ledger.campaignPoints(c2, x, 100, day("2026-06-01"), day("2027-06-30"));
        more.campaign("三月", "POINTS", day("2026-03-01"), day("2026-04-01"));
        db.sql("update campaign set launched_at = null where id = :c").bind("c",
                more.campaign("未启动", "POINTS", day("2026-05-01"), day("2026-07-01"))).then().block();

        used(more.coupon(t1, x, day("2026-05-03"), c1), purchase(x, "2026-05-10", 15000, 2000));
        used(more.coupon(t1, y, day("2026-05-04"), c1), purchase(y, "2026-05-20", 12000, 2000));
        more.coupon(t2, x, day("2026-05-05"), null);
        more.coupon(t1, x, day("2026-05-25"), null);
        long c4 = more.coupon(t2, x, day("2026-06-01"), null);
        long c5 = more.coupon(t1, x, day("2026-06-01"), null);
        long p3 = purchase(x, "2026-06-02", 30000, 2501);
        used(c4, p3);
        used(c5, p3);
        long p4 = more.purchaseAt(other, z, day("2026-06-12"), 5000);
        more.discounts(p4, 500, 0, 0);
        used(more.coupon(t2, z, day("2026-06-10"), null), p4);
        used(more.coupon(t1, x, TODAY, null), purchase(x, TODAY.toString(), 10000, 2000));
        more.purchaseAt(other, z, day("2026-05-15"), 6000);
    }

    @Test
    void managerSeesTheStoresCouponsPerMonthAndTemplateAndTheBrandsCampaigns() {
        Map<String, Object> report = report(manager, null);

        assertThat(report).containsEntry("storeId", String.valueOf(brand.storeId));
        assertThat(report.get("total")).isEqualTo(flow("2026-05-01", "2026-06-15", 6, 5, 8501));
        assertThat(report.get("series")).isEqualTo(List.of(flow("2026-05-01", "2026-05-31", 3, 2, 4000),
                flow("2026-06-01", "2026-06-15", 3, 3, 4501)));
        assertThat(report.get("templates")).isEqualTo(List.of(template(t1, "满100减20", 4, 4, 7250),
                template(t2, "满50减5", 2, 1, 1251)));
        assertThat(report.get("campaigns")).isEqualTo(campaigns());
    }

    @Test
    void adminSeesTheWholeBrandsCoupons() {
        Map<String, Object> report = report(brandAdmin, null);

        assertThat(report).containsEntry("storeId", null);
        assertThat(report.get("total")).isEqualTo(flow("2026-05-01", "2026-06-15", 8, 6, 9001));
        assertThat(report.get("series")).isEqualTo(List.of(flow("2026-05-01", "2026-05-31", 4, 2, 4000),
                flow("2026-06-01", "2026-06-15", 4, 4, 5001)));
        assertThat(report.get("templates")).isEqualTo(List.of(template(t1, "满100减20", 5, 4, 7250),
                template(t2, "满50减5", 3, 2, 1751)));
        assertThat(report.get("campaigns")).isEqualTo(campaigns());
    }

    @Test
    void anAdminsBackfillRollsUpTheCouponDaysAndTheReportStaysTheSame() {
        Map<String, Object> store = report(manager, null);
        Map<String, Object> wholeBrand = report(brandAdmin, null);

        brandAdmin.document("mutation { backfillAnalytics(input: { from: \"2026-05-01\", to: \"2026-06-15\" })"
                        + " { days userErrors { code } } }").execute()
                .path("backfillAnalytics.days").entity(Integer.class).isEqualTo(45);

        assertThat(rolledUp(brand.storeId)).as("c1 c2 in May 40.00, c4 c5 06-02 25.01; c7 today stays live")
                .isEqualTo("4/6501");
        assertThat(report(manager, null)).isEqualTo(store);
        assertThat(report(brandAdmin, null)).isEqualTo(wholeBrand);
    }

    /**
     * Through the till (which records into the deployment's brand): a new store of it, its manager,
     * a member and a 20.00 coupon. A purchase recorded today for 06-10 and its full refund change a
     * day already rolled up; the report shows both at once, and rolling up again agrees.
     */
    @Test
    void aPastDaysPurchaseAndItsRefundShowAtOnceAndTheRollupAgreesWithTheRawTables() {
        String store = createStore("rollup");
        String managerName = createStaff(store, "STORE_MANAGER");
        HttpGraphQlTester tillManager = staff(managerName, STAFF_PASSWORD);
        HttpGraphQlTester late = member(unique("late"));
        long member = Long.parseLong(idOf(late));
        long coupon = db.sql("""
                        with t as (
                            insert into coupon_template (brand_id, name, kind, amount_off_cents, valid_days, created_by,
                                                         created_at)
                            select 1, '迟到券', 'AMOUNT_OFF', 2000, 30, id, now() from staff where username = :u
                            returning id)
                        insert into member_coupon (template_id, member_id, source, source_key, valid_from, valid_until,
                                                   obtained_at)
                        select t.id, :m, 'ISSUE', :k, :now, :until, :now from t returning id
                        """)
                .bind("u", managerName).bind("m", member).bind("k", unique("late"))
                .bind("now", more.noon(TODAY)).bind("until", more.noon(TODAY.plusDays(30)))
                .map(row -> row.get("id", Long.class)).one().block();
        Map<String, Object> range = Map.of("from", "2026-06-01", "to", "2026-06-15", "storeId", store);
        admin().documentName("runJob").variable("job", "ECONOMY_ROLLUP").variable("asOf", TODAY.toString()).execute()
                .path("runJob.userErrors").entityList(Object.class).hasSize(0);

        tillManager.documentName("recordPurchase").variable("input", Map.of("tillProof", new Till(tillManager).scan(late),
                        "orderNo", "late-1", "amountCents", 20000, "occurredAt", "2026-06-10T12:00:00+08:00",
                        "couponIds", List.of(String.valueOf(coupon))))
                .execute().path("recordPurchase.userErrors").entityList(Object.class).hasSize(0);
        assertThat(total(tillManager, range)).isEqualTo(flow("2026-06-01", "2026-06-15", 0, 1, 2000));

        tillManager.documentName("refundPurchase").variable("input", Map.of("orderNo", "late-1", "refundNo", "r-1",
                        "amountCents", 20000))
                .execute().path("refundPurchase.refund.couponsReturned").entity(Integer.class).isEqualTo(1);
        assertThat(total(tillManager, range)).isEqualTo(flow("2026-06-01", "2026-06-15", 0, 0, 0));

        tillManager.documentName("recordPurchase").variable("input", Map.of("tillProof", new Till(tillManager).scan(late),
                        "orderNo", "late-2", "amountCents", 30000, "occurredAt", "2026-06-11T12:00:00+08:00",
                        "couponIds", List.of(String.valueOf(coupon))))
                .execute().path("recordPurchase.userErrors").entityList(Object.class).hasSize(0);
        Map<String, Object> before = total(tillManager, range);
        admin().documentName("runJob").variable("job", "ECONOMY_ROLLUP").variable("asOf", TODAY.toString()).execute()
                .path("runJob.userErrors").entityList(Object.class).hasSize(0);

        assertThat(before).isEqualTo(flow("2026-06-01", "2026-06-15", 0, 1, 2000));
        assertThat(total(tillManager, range)).isEqualTo(before);
        assertThat(rolledUp(Long.parseLong(store))).isEqualTo(direct(Long.parseLong(store))).isEqualTo("1/2000");
    }

    @Test
    void theCouponExportHasTheSameNumbers() {
        Map<String, Object> range = Map.of("from", "2026-05-01", "to", "2026-06-15", "granularity", "MONTH");

        assertThat(EconomyExports.lines(manager, "COUPONS", range)).containsExactly(
                "类型,名称,开始日期,结束日期,发放,核销,核销率,优惠金额（元）,处理组人数,对照组人数,处理组收入（元）,"
                        + "对照组收入（元）,归因收入（元）,积分成本（元）,总成本（元）,ROI",
                "期间,,2026-05-01,2026-05-31,3,2,0.6667,40.00,,,,,,,,",
                "期间,,2026-06-01,2026-06-15,3,3,1,45.01,,,,,,,,",
                "合计,,2026-05-01,2026-06-15,6,5,0.8333,85.01,,,,,,,,",
                "券模板,满100减20,2026-05-01,2026-06-15,4,4,1,72.50,,,,,,,,",
                "券模板,满50减5,2026-05-01,2026-06-15,2,1,0.5,12.51,,,,,,,,",
                "活动,回流礼,2026-05-01,2026-05-31,2,2,1,40.00,2,1,270.00,60.00,150.00,0.00,40.00,2.75",
                "活动,积分礼,2026-06-01,2026-06-30,0,0,,0.00,1,1,400.00,0.00,400.00,1.00,1.00,399");
    }

    private long purchase(long member, String day, long amountCents, long discountCents) {
        long id = brand.purchase(member, day(day), amountCents);
        more.discounts(id, discountCents, 0, 0);
        return id;
    }

    private void used(long coupon, long purchase) {
        more.use(coupon, purchase);
    }

    /** redeemed/discount at the store on days before today, from the rollup table. */
    private String rolledUp(long store) {
        return db.sql("""
                        select sum(redeemed) || '/' || sum(discount_cents) as v from analytics_coupon_daily
                        where store_id = :s and day < :today
                        """)
                .bind("s", store).bind("today", TODAY).map(row -> row.get("v", String.class)).one().block();
    }

    /** The same straight from the coupons and the purchases that used them. */
    private String direct(long store) {
        return db.sql("""
                        select count(*) || '/' || sum(p.coupon_discount_cents) as v
                        from member_coupon c join purchase p on p.id = c.purchase_id
                        where p.store_id = :s and p.occurred_at < :today
                        """)
                .bind("s", store).bind("today", TODAY.atStartOfDay(brandProperties.zone()).toInstant())
                .map(row -> row.get("v", String.class)).one().block();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> total(HttpGraphQlTester staff, Map<String, Object> range) {
        return (Map<String, Object>) staff.documentName("couponReport").variable("range", range).execute()
                .path("couponReport").entity(Map.class).get().get("total");
    }

    private List<Map<String, Object>> campaigns() {
        return List.of(
                campaign(c1, "回流礼", "COUPON_PACK", 2, 1, 2, 2, 27000, 6000, 15000, 4000, 0, 2.75),
                campaign(c2, "积分礼", "POINTS", 1, 1, 0, 0, 40000, 0, 40000, 0, 100, 399.0));
    }

    private static Map<String, Object> campaign(long id, String name, String benefit, int treated, int control,
                                                int issued, int redeemed, int treatedRevenue, int controlRevenue,
                                                int attributed, int discount, int points, double roi) {
        Map<String, Object> c = new HashMap<>();
        c.put("campaignId", String.valueOf(id));
        c.put("name", name);
        c.put("benefit", benefit);
        c.put("treated", treated);
        c.put("control", control);
        c.put("couponsIssued", issued);
        c.put("couponsRedeemed", redeemed);
        c.put("treatedRevenueCents", treatedRevenue);
        c.put("controlRevenueCents", controlRevenue);
        c.put("attributedRevenueCents", attributed);
        c.put("discountCostCents", discount);
        c.put("pointsCostCents", points);
        c.put("costCents", discount + points);
        c.put("roi", roi);
        return c;
    }

    private static Map<String, Object> flow(String start, String end, int issued, int redeemed, int discount) {
        Map<String, Object> f = new HashMap<>(Map.of("start", start, "end", end, "issued", issued, "redeemed", redeemed,
                "discountCents", discount));
        f.put("redemptionRate", issued == 0 ? null : (double) redeemed / issued);
        return f;
    }

    private static Map<String, Object> template(long id, String name, int issued, int redeemed, int discount) {
        return Map.of("templateId", String.valueOf(id), "name", name, "kind", "AMOUNT_OFF", "issued", issued,
                "redeemed", redeemed, "redemptionRate", (double) redeemed / issued, "discountCents", discount);
    }

    private static LocalDate day(String day) {
        return LocalDate.parse(day);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> report(HttpGraphQlTester staff, String storeId) {
        Map<String, Object> range = new HashMap<>(Map.of("from", "2026-05-01", "to", "2026-06-15", "granularity", "MONTH"));
        range.put("storeId", storeId);
        return staff.documentName("couponReport").variable("range", range).execute()
                .path("couponReport").entity(Map.class).get();
    }
}
