package com.loyalty.benefit;

import static org.assertj.core.api.Assertions.assertThat;

import com.loyalty.support.IntegrationTest;
import com.loyalty.support.Till;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/**
 * Tier benefits through the API and the TIER_BENEFITS job: set per tier by marketers and admins,
 * given once per member, month, tier and coupon, on the 1st and at once on an upgrade.
 */
class TierBenefitTest extends IntegrationTest {

    /** 银卡: reached with 900 yuan in the window under the first rules. */
    private static final int SILVER = 1;
    private static final long TO_SILVER_CENTS = 90_000;

    @Autowired
    TierBenefitJob job;

    /** Benefits set by a test would reach other tests' members: every tier's are ended. */
    @AfterEach
    void endTheBenefits() {
        for (int level = 0; level <= 3; level++) {
            admin().documentName("setTierBenefits").variable("input", Map.of("tierLevel", level, "items", List.of()))
                    .execute().path("setTierBenefits.userErrors").entityList(Object.class).hasSize(0);
        }
    }

    @Test
    void theMonthlyJobRunTwiceInParallelGivesEachMemberOfTheTierTheirCouponsOnce() {
        Till till = new Till(newStaff(createStore("权益店"), "CLERK"));
        List<HttpGraphQlTester> silver = List.of(member(unique("s1")), member(unique("s2")), member(unique("s3")));
        silver.forEach(m -> till.earn(idOf(m), unique("T"), TO_SILVER_CENTS));
        HttpGraphQlTester ordinary = member(unique("plain"));
        String coffee = template("银卡每月咖啡券");
        String cake = template("银卡每月蛋糕券");
        set(SILVER, List.of(Map.of("couponTemplateId", coffee, "quantity", 2), Map.of("couponTemplateId", cake, "quantity", 1)));
        silver.forEach(m -> m.documentName("myTierBenefits").execute()
                .path("myTierBenefits[*].state").entityList(String.class).containsExactly("NOT_YET", "NOT_YET"));

        String today = today().toString();
        List<String> summaries = inParallel(2, i -> admin().documentName("runJob").variable("job", "TIER_BENEFITS")
                .variable("asOf", today).execute().path("runJob.summary").entity(String.class).get());
        // and the job itself twice at once, past the lock that keeps two instances apart
        inParallel(2, i -> job.run(today()).block());

        assertThat(summaries).anySatisfy(s -> assertThat(s).startsWith("gave"));
        for (HttpGraphQlTester m : silver) {
            m.document("{ me { coupons(first: 50) { totalCount edges { node { source template { id } } } } } }").execute()
                    .path("me.coupons.totalCount").entity(Integer.class).isEqualTo(3)
                    .path("me.coupons.edges[*].node.source").entityList(String.class).containsExactly("REWARD", "REWARD", "REWARD")
                    .path("me.coupons.edges[*].node.template.id").entityList(String.class)
                    .satisfies(t -> assertThat(t).containsExactlyInAnyOrder(coffee, coffee, cake));
            m.documentName("myTierBenefits").execute()
                    .path("myTierBenefits[*].state").entityList(String.class).containsExactly("ISSUED", "ISSUED")
                    .path("myTierBenefits[*].quantity").entityList(Integer.class).containsExactly(2, 1);
        }
        ordinary.document("{ me { coupons { totalCount } } }").execute().path("me.coupons.totalCount")
                .entity(Integer.class).isEqualTo(0);
        List<Long> ids = silver.stream().map(m -> Long.parseLong(idOf(m))).toList();
        assertThat(db.sql("""
                        select count(*) as n from member_coupon where member_id = any(:ids) and source = 'REWARD'
                        """).bind("ids", ids.toArray(Long[]::new)).map(row -> row.get("n", Long.class)).one().block())
                .isEqualTo(9L);
        assertThat(db.sql("select count(*) as n from tier_benefit_grant where member_id = any(:ids)")
                .bind("ids", ids.toArray(Long[]::new)).map(row -> row.get("n", Long.class)).one().block()).isEqualTo(6L);
    }

    @Test
    void aMemberRaisedMidMonthGetsThisMonthsBenefitOfTheNewTierAtOnceAndTheJobAddsNothing() {
        String coupon = template("升级礼");
        set(SILVER, List.of(Map.of("couponTemplateId", coupon, "quantity", 1)));
        String store = createStore("升级店");
        HttpGraphQlTester member = member(unique("riser"));
        Till till = new Till(newStaff(store, "CLERK"));
        member.documentName("myTierBenefits").execute().path("myTierBenefits").entityList(Object.class).hasSize(0);

        till.earn(idOf(member), unique("U"), TO_SILVER_CENTS);

        member.documentName("myTierBenefits").execute()
                .path("myTierBenefits[0].state").entity(String.class).isEqualTo("ISSUED")
                .path("myTierBenefits[0].name").entity(String.class).isEqualTo("升级礼")
                .path("myTierBenefits[0].month").entity(String.class).isEqualTo(today().withDayOfMonth(1).toString());
        job.run(today()).block();
        member.document("{ me { coupons { totalCount edges { node { id } } } } }").execute()
                .path("me.coupons.totalCount").entity(Integer.class).isEqualTo(1);

        // used at the till: the card says so
        String couponId = member.document("{ me { coupons { edges { node { id } } } } }").execute()
                .path("me.coupons.edges[0].node.id").entity(String.class).get();
        till.buyPresent(member, unique("USE"), 5_000, Map.of("couponIds", List.of(couponId)))
                .path("recordPurchase.userErrors").entityList(Object.class).hasSize(0);
        member.documentName("myTierBenefits").execute().path("myTierBenefits[0].state").entity(String.class)
                .isEqualTo("USED");
    }

    @Test
    void benefitsAreVersionedAuditedAndNeverTakeBackWhatWasGiven() {
        String first = template("第一版券");
        String second = template("第二版券");
        HttpGraphQlTester marketer = newMarketer();
        marketer.documentName("setTierBenefits").variable("input", Map.of("tierLevel", 2, "items",
                        List.of(Map.of("couponTemplateId", first, "quantity", 1)))).execute()
                .path("setTierBenefits.benefits.tierName").entity(String.class).isEqualTo("金卡");
        int v1 = admin().document("{ tierBenefits { tierLevel version } }").execute()
                .path("tierBenefits[?(@.tierLevel == 2)].version").entityList(Integer.class).get().get(0);
        set(2, List.of(Map.of("couponTemplateId", second, "quantity", 3)));

        admin().document("{ tierBenefits { tierLevel tierName version items { couponName quantity } } }").execute()
                .path("tierBenefits[*].tierName").entityList(String.class).containsExactly("普通", "银卡", "金卡", "黑钻")
                .path("tierBenefits[?(@.tierLevel == 2)].version").entityList(Integer.class).containsExactly(v1 + 1)
                .path("tierBenefits[?(@.tierLevel == 2)].items[*].couponName").entityList(String.class)
                .containsExactly("第二版券");
        newStaff(createStore("读权益"), "STORE_MANAGER").document("query { tierBenefitHistory(tierLevel: 2) { version "
                        + "items { couponName } } }").execute()
                .path("tierBenefitHistory[0].items[0].couponName").entity(String.class).isEqualTo("第二版券")
                .path("tierBenefitHistory[1].items[0].couponName").entity(String.class).isEqualTo("第一版券");
        admin().document("{ staffActions(subject: \"TIER_BENEFITS\", subjectId: \"2\") { edges { node { action before after } } } }")
                .execute()
                .path("staffActions.edges[0].node.action").entity(String.class).isEqualTo("SET_TIER_BENEFITS")
                .path("staffActions.edges[0].node.before").entity(String.class).satisfies(b -> assertThat(b).contains(first))
                .path("staffActions.edges[0].node.after").entity(String.class).satisfies(a -> assertThat(a).contains(second));
    }

    @Test
    void onlyMarketersAndAdminsSetBenefitsAndAbsurdInputGetsClearErrors() {
        String coupon = template("权益券");
        String store = createStore("越权店");
        Map<String, Object> fine = Map.of("tierLevel", SILVER, "items", List.of(Map.of("couponTemplateId", coupon, "quantity", 1)));
        for (HttpGraphQlTester who : List.of(newStaff(store, "STORE_MANAGER"), newStaff(store, "CLERK"), member(unique("m")))) {
            who.documentName("setTierBenefits").variable("input", fine).execute().errors()
                    .expect(e -> "FORBIDDEN".equals(e.getExtensions().get("classification"))).verify();
        }
        Map<Map<String, Object>, String> wrong = new java.util.LinkedHashMap<>();
        wrong.put(Map.of("tierLevel", 99, "items", List.of()), "tierLevel");
        wrong.put(Map.of("tierLevel", -1, "items", List.of()), "tierLevel");
        wrong.put(Map.of("tierLevel", SILVER, "items", List.of(Map.of("couponTemplateId", coupon, "quantity", 0))), "items");
        wrong.put(Map.of("tierLevel", SILVER, "items", List.of(Map.of("couponTemplateId", coupon, "quantity", 1_000_000))), "items");
        wrong.put(Map.of("tierLevel", SILVER, "items", List.of(Map.of("couponTemplateId", coupon, "quantity", 1),
                Map.of("couponTemplateId", coupon, "quantity", 2))), "items");
        wrong.put(Map.of("tierLevel", SILVER, "items", java.util.stream.IntStream.range(0, 6)
                .mapToObj(i -> Map.of("couponTemplateId", String.valueOf(1000 + i), "quantity", 1)).toList()), "items");
        for (Map.Entry<Map<String, Object>, String> bad : wrong.entrySet()) {
            admin().documentName("setTierBenefits").variable("input", bad.getKey()).execute()
                    .path("setTierBenefits.userErrors[0].code").entity(String.class).isEqualTo("INVALID_INPUT")
                    .path("setTierBenefits.userErrors[0].field").entityList(String.class)
                    .satisfies(f -> assertThat(f).as(bad.getKey().toString()).containsExactly("input", bad.getValue()));
        }
        String oncePerMember = admin().documentName("createCouponTemplate").variable("input", Map.of("name", "每人一张",
                        "kind", "AMOUNT_OFF", "amountOffCents", 500, "thresholdCents", 2_000, "validDays", 30,
                        "perMemberLimit", 1)).execute()
                .path("createCouponTemplate.template.id").entity(String.class).get();
        admin().documentName("setTierBenefits").variable("input", Map.of("tierLevel", SILVER, "items",
                        List.of(Map.of("couponTemplateId", oncePerMember, "quantity", 2)))).execute()
                .path("setTierBenefits.userErrors[0].field").entityList(String.class).containsExactly("input", "items")
                .path("setTierBenefits.userErrors[0].message").entity(String.class).satisfies(m -> assertThat(m)
                        .contains("每人限领 1 张"));
        admin().documentName("setTierBenefits").variable("input", Map.of("tierLevel", SILVER, "items",
                        List.of(Map.of("couponTemplateId", "987654321", "quantity", 1)))).execute()
                .path("setTierBenefits.userErrors[0].code").entity(String.class).isEqualTo("COUPON_NOT_FOUND");
        assertThat(admin().document("{ tierBenefits { tierLevel items { couponTemplateId } } }").execute()
                .path("tierBenefits[?(@.tierLevel == 1)].items[*].couponTemplateId").entityList(String.class).get()).isEmpty();
    }

    private void set(int level, List<Map<String, Object>> items) {
        admin().documentName("setTierBenefits").variable("input", Map.of("tierLevel", level, "items", items)).execute()
                .path("setTierBenefits.userErrors").entityList(Object.class).hasSize(0);
    }

    private String template(String name) {
        Map<String, Object> input = new HashMap<>(Map.of("name", name, "kind", "AMOUNT_OFF", "amountOffCents", 500,
                "thresholdCents", 2_000, "validDays", 30, "perMemberLimit", 20));
        return admin().documentName("createCouponTemplate").variable("input", input).execute()
                .path("createCouponTemplate.userErrors").entityList(Object.class).hasSize(0)
                .path("createCouponTemplate.template.id").entity(String.class).get();
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(ZoneId.of("Asia/Shanghai")));
    }
}
