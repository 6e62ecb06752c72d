package com.loyalty.analytics.churn;

import static org.assertj.core.api.Assertions.assertThat;

import com.loyalty.analytics.EconomyExports;
import com.loyalty.shared.config.BrandProperties;
import com.loyalty.support.HandBuiltBrand;
import com.loyalty.support.HandBuiltEconomy;
import com.loyalty.support.IntegrationTest;
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

/**
 * Churn and the lifecycle funnel for a hand-built brand, today 2026-06-15, churned = 90 days
 * without a purchase. Everyone registered 2025-12-01 unless said; purchases at the brand's store.
 * <pre>
 * member  purchases                        stage on 06-15          in the store's numbers
 * A       01-10                            CHURNED (156 days)      yes
 * B       01-05, 04-20                     DORMANT (56 days)       yes
 * C       03-10                            CHURNED (97 days)       yes
 * D       2025-12-20                       CHURNED                 yes
 * E       02-01, refunded in full          CHURNED (never bought)  yes (bought there)
 * F       none                             CHURNED (never bought)  no
 * G       01-01, 03-02                     CHURNED (105 days)      yes
 * H       none, registered 06-10           NEW                     no
 * I       06-01, 06-10                     ACTIVE                  yes
 * J       05-01, 05-11, 05-21              DECLINING (25 > 1.5 x 10) yes
 * K       01-15 at the other store, registered there               no
 *
 * Range 04-01..05-31: customers bought in 01-01..03-31 (the 90 days before): A B C G (+K brand-wide);
 *   churned on 05-31 = no purchase in 03-03..05-31: A, G (+K) -> store 2/4 = 0.5, brand 3/5 = 0.6
 * April: customers as above; churned on 04-30 = none in 01-31..04-30: A (+K) -> 1/4, brand 2/5
 * May: customers bought in 01-31..04-30: B C G; churned on 05-31: G -> 1/3 (K is no customer)
 * </pre>
 */
class ChurnReportTest extends IntegrationTest {

    static final LocalDate TODAY = LocalDate.of(2026, 6, 15);
    static final LocalDate REGISTERED = LocalDate.of(2025, 12, 1);

    @Autowired
    PasswordEncoder passwords;
    @Autowired
    BrandProperties brandProperties;

    HandBuiltBrand brand;
    HandBuiltEconomy more;
    long otherStore;

    @BeforeEach
    void handBuiltBrand() {
        clock.setTo(TODAY.atTime(LocalTime.of(15, 0)).atZone(brandProperties.zone()).toInstant());
        brand = new HandBuiltBrand(db, passwords, brandProperties.zone(), STAFF_PASSWORD);
        more = new HandBuiltEconomy(brand, db, passwords, brandProperties.zone());
        otherStore = more.store("other");
        buys("A", "2026-01-10");
        buys("B", "2026-01-05", "2026-04-20");
        buys("C", "2026-03-10");
        buys("D", "2025-12-20");
        brand.refundAll(brand.purchase(brand.member("E", REGISTERED), LocalDate.parse("2026-02-01"), 1000));
        brand.member("F", REGISTERED);
        buys("G", "2026-01-01", "2026-03-02");
        brand.member("H", LocalDate.parse("2026-06-10"));
        buys("I", "2026-06-01", "2026-06-10");
        buys("J", "2026-05-01", "2026-05-11", "2026-05-21");
        long k = more.registeredAt(brand.member("K", REGISTERED), otherStore);
        more.purchaseAt(otherStore, k, LocalDate.parse("2026-01-15"), 1000);
        admin().documentName("runJob").variable("job", "MEMBER_SEGMENTS").variable("asOf", TODAY.toString())
                .execute().path("runJob.userErrors").entityList(Object.class).hasSize(0);
    }

    @Test
    void managerSeesTheirStoresFunnelAndChurnOverTheRangeAndEachMonth() {
        Map<String, Object> report = report(staff(brand.managerUsername, STAFF_PASSWORD), null);

        assertThat(report).containsEntry("storeId", String.valueOf(brand.storeId)).containsEntry("churnedDays", 90)
                .containsEntry("stagesAsOf", "2026-06-15").containsEntry("unscored", 0);
        assertThat(stages(report)).containsExactly(Map.entry("NEW", 0), Map.entry("ACTIVE", 1),
                Map.entry("DECLINING", 1), Map.entry("DORMANT", 1), Map.entry("CHURNED", 5));
        assertThat(period(report.get("total"))).containsExactly("2026-04-01", "2026-05-31", 4, 2, 2, 0.5);
        assertThat(series(report)).containsExactly(
                List.of("2026-04-01", "2026-04-30", 4, 1, 3, 0.25),
                List.of("2026-05-01", "2026-05-31", 3, 1, 2, 1.0 / 3));
    }

    @Test
    void adminReadsTheWholeBrandIncludingMembersOfNoStoreAndOfTheOtherStore() {
        HttpGraphQlTester admin = staff(more.staff("ADMIN", null, STAFF_PASSWORD), STAFF_PASSWORD);

        Map<String, Object> report = report(admin, null);

        assertThat(report).containsEntry("storeId", null);
        assertThat(stages(report)).containsExactly(Map.entry("NEW", 1), Map.entry("ACTIVE", 1),
                Map.entry("DECLINING", 1), Map.entry("DORMANT", 1), Map.entry("CHURNED", 7));
        assertThat(period(report.get("total"))).containsExactly("2026-04-01", "2026-05-31", 5, 3, 2, 0.6);
        assertThat(series(report)).containsExactly(
                List.of("2026-04-01", "2026-04-30", 5, 2, 3, 0.4),
                List.of("2026-05-01", "2026-05-31", 3, 1, 2, 1.0 / 3));
        assertThat(report(admin, String.valueOf(otherStore)).get("total"))
                .isEqualTo(Map.of("start", "2026-04-01", "end", "2026-05-31", "customers", 1, "churned", 1,
                        "retained", 0, "rate", 1.0));
    }

    @Test
    void managersOfOtherStoresClerksAndMembersAreRefused() {
        HttpGraphQlTester otherManager = staff(more.staff("STORE_MANAGER", otherStore, STAFF_PASSWORD), STAFF_PASSWORD);
        HttpGraphQlTester clerk = staff(more.staff("CLERK", brand.storeId, STAFF_PASSWORD), STAFF_PASSWORD);

        for (HttpGraphQlTester refused : List.of(otherManager, clerk, member(unique("curious")))) {
            refused.documentName("churnReport").variable("range", range(String.valueOf(brand.storeId))).execute()
                    .errors().expect(e -> "FORBIDDEN".equals(e.getExtensions().get("classification"))).verify();
        }
    }

    @Test
    void theChurnExportHasTheSameNumbers() {
        List<String> csv = EconomyExports.lines(staff(brand.managerUsername, STAFF_PASSWORD), "CHURN", range(null));

        assertThat(csv).containsExactly("类型,开始日期,结束日期,期初客户,流失客户,留存客户,流失率,生命周期阶段,会员数,占比",
                "期间,2026-04-01,2026-04-30,4,1,3,0.25,,,",
                "期间,2026-05-01,2026-05-31,3,1,2,0.3333,,,",
                "合计,2026-04-01,2026-05-31,4,2,2,0.5,,,",
                "当前阶段,,2026-06-15,,,,,NEW,0,0",
                "当前阶段,,2026-06-15,,,,,ACTIVE,1,0.125",
                "当前阶段,,2026-06-15,,,,,DECLINING,1,0.125",
                "当前阶段,,2026-06-15,,,,,DORMANT,1,0.125",
                "当前阶段,,2026-06-15,,,,,CHURNED,5,0.625");
    }

    private void buys(String name, String... days) {
        long member = brand.member(name, REGISTERED);
        for (String day : days) {
            brand.purchase(member, LocalDate.parse(day), 1000);
        }
    }

    static Map<String, Object> range(String storeId) {
        Map<String, Object> range = new HashMap<>(Map.of("from", "2026-04-01", "to", "2026-05-31", "granularity", "MONTH"));
        range.put("storeId", storeId);
        return range;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> report(HttpGraphQlTester staff, String storeId) {
        return staff.documentName("churnReport").variable("range", range(storeId)).execute()
                .path("churnReport").entity(Map.class).get();
    }

    @SuppressWarnings("unchecked")
    private static List<Map.Entry<String, Integer>> stages(Map<String, Object> report) {
        return ((List<Map<String, Object>>) report.get("funnel")).stream()
                .map(s -> Map.entry((String) s.get("stage"), (Integer) s.get("members"))).toList();
    }

    @SuppressWarnings("unchecked")
    private static List<List<Object>> series(Map<String, Object> report) {
        return ((List<Object>) report.get("series")).stream().map(ChurnReportTest::period).toList();
    }

    @SuppressWarnings("unchecked")
    private static List<Object> period(Object p) {
        Map<String, Object> m = (Map<String, Object>) p;
        return List.of(m.get("start"), m.get("end"), m.get("customers"), m.get("churned"), m.get("retained"),
                m.get("rate"));
    }
}
