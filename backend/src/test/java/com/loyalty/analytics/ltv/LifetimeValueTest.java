package com.loyalty.analytics.ltv;

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
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Lifetime values of a hand-built brand, today 2026-06-15. Purchases at the brand's store.
 * <pre>
 * Churn over May (the last complete month): customers bought in 01-31..04-30: L1 L2 L3 L6; churned (nothing
 * in 03-03..05-31): L2 -> 1/4 = 0.25 a month -> expected lifetime 1 / 0.25 = 4 months.
 *
 * member  purchases                                                 value   orders  per month       predicted
 * L1      02-16 100.00; 05-10 200.00 - coupon 20.00 - points 10.00   22750   2       2x30/120 = 0.5  11375x0.5x4 = 22750
 *         = paid 170.00, 50.00 refunded: 170 x 150/200 = 127.50
 * L2      02-01 80.00                                               8000    1       30/135          8000x30/135x4 = 7111.1 -> 7111
 * L3      2025-03-01 50.00 refunded in full; 04-20 60.00            6000    1       30/57           12631.57 -> 12631
 * L4      2024-01-01 50.00                                          5000    1       0 (none in 365 days)  0
 * L5      none (registered at no store)                             0       0       0               0
 * L6      04-01 30.00                                               3000    1       30/76           4736.84 -> 4736
 * lifetime value: L1 45500, L3 18631, L2 15111, L6 7736, L4 5000, L5 0
 *
 * tags: VIP on L1 L2 -> 30750 / 29861 (averages 15375 / 14930); 新客 on L6 -> 3000 / 4736
 * RFM (scored 06-15): L1 L3 重要价值 28750 / 35381; L2 重要保持 8000 / 7111; L4 L5 none 5000 / 0; L6 一般价值 3000 / 4736
 * </pre>
 */
class LifetimeValueTest extends IntegrationTest {

    static final LocalDate TODAY = LocalDate.of(2026, 6, 15);

    @Autowired
    PasswordEncoder passwords;
    @Autowired
    BrandProperties brandProperties;

    HandBuiltBrand brand;
    HandBuiltEconomy more;
    HttpGraphQlTester manager;
    Map<String, Long> ids = new HashMap<>();

    @BeforeEach
    void handBuiltBrand() {
        clock.setTo(TODAY.atTime(LocalTime.of(15, 0)).atZone(brandProperties.zone()).toInstant());
        brand = new HandBuiltBrand(db, passwords, brandProperties.zone(), STAFF_PASSWORD);
        more = new HandBuiltEconomy(brand, db, passwords, brandProperties.zone());
        manager = staff(brand.managerUsername, STAFF_PASSWORD);
        long l1 = handBuilt("L1");
        brand.purchase(l1, day("2026-02-16"), 10000);
        long second = brand.purchase(l1, day("2026-05-10"), 20000);
        more.discounts(second, 2000, 1000, 1000);
        more.refund(second, 5000);
        brand.purchase(handBuilt("L2"), day("2026-02-01"), 8000);
        long l3 = handBuilt("L3");
        brand.refundAll(brand.purchase(l3, day("2025-03-01"), 5000));
        brand.purchase(l3, day("2026-04-20"), 6000);
        brand.purchase(handBuilt("L4"), day("2024-01-01"), 5000);
        handBuilt("L5");
        brand.purchase(handBuilt("L6"), day("2026-04-01"), 3000);
        more.tag("VIP", ids.get("L1"), ids.get("L2"));
        more.tag("新客", ids.get("L6"));
    }

    @Test
    void managerSeesAMembersHistoricalAndPredictedValue() {
        Map<String, Object> l1 = value(manager, "L1");

        assertThat(l1).containsEntry("nickname", "L1").containsEntry("orders", 2)
                .containsEntry("historicalValueCents", 22750).containsEntry("averageOrderCents", 11375)
                .containsEntry("purchasesPerMonth", 0.5).containsEntry("firstPurchaseOn", "2026-02-16")
                .containsEntry("lastPurchaseOn", "2026-05-10").containsEntry("predictedValueCents", 22750)
                .containsEntry("lifetimeValueCents", 45500).containsEntry("monthlyChurnRate", 0.25)
                .containsEntry("expectedLifetimeMonths", 4.0);
        Map<String, Object> l3 = value(manager, "L3");
        assertThat(l3).containsEntry("orders", 1).containsEntry("historicalValueCents", 6000)
                .containsEntry("predictedValueCents", 12631).containsEntry("firstPurchaseOn", "2026-04-20");
        assertThat((Double) l3.get("purchasesPerMonth")).isCloseTo(30.0 / 57, Offset.offset(1e-9));
        assertThat(value(manager, "L4")).containsEntry("purchasesPerMonth", 0.0).containsEntry("predictedValueCents", 0)
                .containsEntry("lifetimeValueCents", 5000);
    }

    @Test
    void topMembersAreRankedByLifetimeValue() {
        assertThat(manager.documentName("topMembersByValue").variable("first", 3).execute()
                .path("topMembersByValue").entityList(Map.class).get()).isEqualTo(List.of(
                top("L1", 22750, 22750), top("L3", 6000, 12631), top("L2", 8000, 7111)));
    }

    @Test
    void valuePerTagAndPerRfmSegment() {
        admin().documentName("runJob").variable("job", "MEMBER_SEGMENTS").variable("asOf", TODAY.toString())
                .execute().path("runJob.userErrors").entityList(Object.class).hasSize(0);
        HttpGraphQlTester brandAdmin = staff(more.staff("ADMIN", null, STAFF_PASSWORD), STAFF_PASSWORD);

        Map<String, Object> tags = bySegment(manager, "TAG");
        Map<String, Object> rfm = bySegment(brandAdmin, "RFM_SEGMENT");

        assertThat(tags).containsEntry("storeId", String.valueOf(brand.storeId)).containsEntry("monthlyChurnRate", 0.25)
                .containsEntry("expectedLifetimeMonths", 4.0);
        assertThat(labels(tags)).containsExactly(List.of("VIP", 2, 30750, 15375, 29861, 14930, 60611),
                List.of("新客", 1, 3000, 3000, 4736, 4736, 7736));
        assertThat(labels(rfm)).containsExactly(List.of("重要价值客户", 2, 28750, 14375, 35381, 17690, 64131),
                List.of("重要保持客户", 1, 8000, 8000, 7111, 7111, 15111),
                List.of("未评分", 2, 5000, 2500, 0, 0, 5000),
                List.of("一般价值客户", 1, 3000, 3000, 4736, 4736, 7736));
        assertThat(first(rfm)).containsEntry("key", "IMPORTANT_VALUE");
    }

    @Test
    void onlyStaffOfTheMembersStoreOrTheBrandAdminReadAMembersValue() {
        long other = more.store("other");
        HttpGraphQlTester otherManager = staff(more.staff("STORE_MANAGER", other, STAFF_PASSWORD), STAFF_PASSWORD);
        HttpGraphQlTester clerk = staff(more.staff("CLERK", brand.storeId, STAFF_PASSWORD), STAFF_PASSWORD);
        HttpGraphQlTester brandAdmin = staff(more.staff("ADMIN", null, STAFF_PASSWORD), STAFF_PASSWORD);

        for (HttpGraphQlTester refused : List.of(otherManager, clerk)) {
            refused.documentName("memberLifetimeValue").variable("memberId", ids.get("L1")).execute()
                    .errors().expect(e -> "FORBIDDEN".equals(e.getExtensions().get("classification"))).verify();
        }
        manager.documentName("memberLifetimeValue").variable("memberId", ids.get("L5")).execute()
                .errors().expect(e -> "FORBIDDEN".equals(e.getExtensions().get("classification"))).verify();
        assertThat(value(brandAdmin, "L5")).containsEntry("orders", 0).containsEntry("historicalValueCents", 0)
                .containsEntry("averageOrderCents", null).containsEntry("lifetimeValueCents", 0);
        String elsewhere = idOf(member(unique("elsewhere")));
        manager.documentName("memberLifetimeValue").variable("memberId", elsewhere).execute()
                .path("memberLifetimeValue").valueIsNull();
        otherManager.documentName("topMembersByValue").variable("storeId", String.valueOf(brand.storeId)).execute()
                .errors().expect(e -> "FORBIDDEN".equals(e.getExtensions().get("classification"))).verify();
    }

    @Test
    void theLifetimeValueExportHasTheSameNumbers() {
        List<String> csv = EconomyExports.lines(manager, "LIFETIME_VALUE",
                Map.of("from", "2026-06-01", "to", "2026-06-15"));

        assertThat(csv.get(0)).isEqualTo("类型,分组或会员,会员ID,会员数,订单数,历史价值（元）,平均历史价值（元）,预测价值（元）,"
                + "平均预测价值（元）,生命周期价值（元）,月均购买次数,月流失率,预期生命周期（月）");
        assertThat(csv).contains("标签,VIP,,2,,307.50,153.75,298.61,149.30,606.11,,0.25,4",
                "会员,L1," + ids.get("L1") + ",1,2,227.50,227.50,227.50,227.50,455.00,0.5,0.25,4");
        assertThat(csv.stream().filter(line -> line.startsWith("会员,")).map(line -> line.split(",")[1]))
                .containsExactly("L1", "L3", "L2", "L6", "L4");
    }

    private long handBuilt(String name) {
        long id = brand.member(name, day("2026-01-01"));
        ids.put(name, id);
        return name.equals("L5") ? id : more.registeredAt(id, brand.storeId);
    }

    private Map<String, Object> value(HttpGraphQlTester staff, String name) {
        return staff.documentName("memberLifetimeValue").variable("memberId", ids.get(name)).execute()
                .path("memberLifetimeValue").entity(Map.class).get();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> bySegment(HttpGraphQlTester staff, String groupBy) {
        return staff.documentName("lifetimeValueBySegment").variable("groupBy", groupBy).execute()
                .path("lifetimeValueBySegment").entity(Map.class).get();
    }

    @SuppressWarnings("unchecked")
    private static List<List<Object>> labels(Map<String, Object> bySegment) {
        return ((List<Map<String, Object>>) bySegment.get("segments")).stream()
                .map(s -> List.of(s.get("label"), s.get("members"), s.get("historicalValueCents"),
                        s.get("averageHistoricalValueCents"), s.get("predictedValueCents"),
                        s.get("averagePredictedValueCents"), s.get("lifetimeValueCents")))
                .toList();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> first(Map<String, Object> bySegment) {
        return ((List<Map<String, Object>>) bySegment.get("segments")).get(0);
    }

    private static Map<String, Object> top(String name, int historical, int predicted) {
        return Map.of("nickname", name, "historicalValueCents", historical, "predictedValueCents", predicted,
                "lifetimeValueCents", historical + predicted);
    }

    private static LocalDate day(String day) {
        return LocalDate.parse(day);
    }
}
