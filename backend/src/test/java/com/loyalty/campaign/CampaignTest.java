package com.loyalty.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.loyalty.support.IntegrationTest;
import com.loyalty.support.Till;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

class CampaignTest extends IntegrationTest {

    private static final String STATS = "query($id: ID!) { campaign(id: $id) { launchedAt stats { audience treated "
            + "control reached couponsIssued couponsRedeemed redemptionRate treatedOrders treatedRevenueCents "
            + "controlOrders controlRevenueCents revenuePerTreatedMemberCents revenuePerControlMemberCents uplift "
            + "costCents roi } } }";

    @Test
    void aPointsCampaignHoldsOutAControlGroupStopsAtItsBudgetAndMeasuresUplift() {
        List<String> ids = IntStream.range(0, 20).mapToObj(i -> idOf(member(unique("aud")))).toList();
        String campaign = create(Map.of("benefit", "POINTS", "points", 100, "controlPercent", 50, "budget", 500,
                "audience", "MEMBERS", "memberIds", ids));

        launch(campaign).path("launchCampaign.campaign.launchedAt").hasValue();
        launch(campaign).path("launchCampaign.userErrors[0].code").entity(String.class)
                .isEqualTo("CAMPAIGN_ALREADY_LAUNCHED");

        Map<Long, Boolean> control = new HashMap<>();
        db.sql("select member_id, in_control from campaign_member where campaign_id = :c")
                .bind("c", Long.parseLong(campaign))
                .map(row -> Map.entry(row.get("member_id", Long.class), row.get("in_control", Boolean.class)))
                .all().doOnNext(e -> control.put(e.getKey(), e.getValue())).blockLast();
        long controls = control.values().stream().filter(c -> c).count();
        long treated = 20 - controls;
        assertThat(controls).isBetween(1L, 19L);

        Till till = new Till(newStaff(createStore("camp"), "CLERK"));
        control.forEach((member, inControl) -> till.earn(String.valueOf(member), "C-" + member, inControl ? 5_000 : 10_000));

        Map<?, ?> stats = stats(campaign);
        long reached = Math.min(treated, 5);
        assertThat(stats.get("audience")).isEqualTo(20);
        assertThat(stats.get("control")).isEqualTo((int) controls);
        assertThat(stats.get("treated")).isEqualTo((int) treated);
        assertThat(stats.get("reached")).isEqualTo((int) reached);
        assertThat(((Number) stats.get("treatedRevenueCents")).longValue()).isEqualTo(10_000 * treated);
        assertThat(((Number) stats.get("controlRevenueCents")).longValue()).isEqualTo(5_000 * controls);
        assertThat(((Number) stats.get("uplift")).doubleValue()).isCloseTo(1.0, within(1e-9));
        assertThat(((Number) stats.get("costCents")).longValue()).isEqualTo(100 * reached);
        assertThat(((Number) stats.get("roi")).doubleValue())
                .isCloseTo((5_000.0 * treated - 100 * reached) / (100 * reached), within(1e-9));
    }

    @Test
    void aCouponPackCampaignCountsIssuedAndRedeemedCouponsAndTheirCost() {
        List<HttpGraphQlTester> members = IntStream.range(0, 4).mapToObj(i -> member(unique("pack"))).toList();
        List<String> ids = members.stream().map(IntegrationTest::idOf).toList();
        String template = admin().documentName("createCouponTemplate").variable("input", Map.of("name", "满200减50",
                        "kind", "AMOUNT_OFF", "amountOffCents", 5_000, "thresholdCents", 20_000, "validDays", 30))
                .execute().path("createCouponTemplate.template.id").entity(String.class).get();
        String pack = admin().document("mutation($t: ID!) { createCouponPack(input: { name: \"回流券包\", items: "
                        + "[{ templateId: $t, quantity: 1 }] }) { pack { id } } }")
                .variable("t", template).execute().path("createCouponPack.pack.id").entity(String.class).get();
        String campaign = create(Map.of("benefit", "COUPON_PACK", "packId", pack, "controlPercent", 0,
                "audience", "MEMBERS", "memberIds", ids));
        launch(campaign);

        Long coupon = db.sql("select id from member_coupon where campaign_id = :c and member_id = :m")
                .bind("c", Long.parseLong(campaign)).bind("m", Long.parseLong(ids.get(0)))
                .map(row -> row.get("id", Long.class)).one().block();
        new Till(newStaff(createStore("camp-till"), "CLERK"))
                .buyPresent(members.get(0), "P-1", 30_000, Map.of("couponIds", List.of(coupon)))
                .path("recordPurchase.userErrors").entityList(Object.class).hasSize(0);

        Map<?, ?> stats = stats(campaign);
        assertThat(stats.get("couponsIssued")).isEqualTo(4);
        assertThat(stats.get("couponsRedeemed")).isEqualTo(1);
        assertThat(((Number) stats.get("redemptionRate")).doubleValue()).isCloseTo(0.25, within(1e-9));
        assertThat(((Number) stats.get("costCents")).longValue()).isEqualTo(5_000);
        assertThat(stats.get("uplift")).isNull();
    }

    @Test
    void aMultiplierCampaignRaisesWhatItsMembersEarnInItsWindowOnly() {
        String inside = idOf(member(unique("in")));
        String outside = idOf(member(unique("out")));
        launch(create(Map.of("benefit", "MULTIPLIER", "multiplier", 2.0, "controlPercent", 0,
                "audience", "MEMBERS", "memberIds", List.of(inside))));
        Till till = new Till(newStaff(createStore("double"), "CLERK"));

        till.buy(inside, "M-1", 10_000)
                .path("recordPurchase.purchase.pointsEarned").entity(Long.class).isEqualTo(200L)
                .path("recordPurchase.purchase.earnBreakdown[1].rule").entity(String.class).isEqualTo("CAMPAIGN");
        till.buy(inside, "M-2", 10_000, Map.of("occurredAt", OffsetDateTime.now(clock).minusDays(2).toString()))
                .path("recordPurchase.purchase.pointsEarned").entity(Long.class).isEqualTo(100L);
        till.buy(outside, "M-3", 10_000).path("recordPurchase.purchase.pointsEarned").entity(Long.class).isEqualTo(100L);
    }

    private String create(Map<String, Object> overrides) {
        Map<String, Object> input = new HashMap<>(Map.of("name", "回流计划",
                "startsAt", OffsetDateTime.now(clock).minusHours(1).toString(),
                "endsAt", OffsetDateTime.now(clock).plusDays(1).toString(), "budget", 1_000_000));
        input.putAll(overrides);
        return new CampaignDesk(admin()).create(input);
    }

    private GraphQlTester.Response launch(String campaign) {
        return new CampaignDesk(admin()).launch(campaign);
    }

    private Map<?, ?> stats(String campaign) {
        return admin().document(STATS).variable("id", campaign).execute()
                .path("campaign.stats").entity(Map.class).get();
    }
}
