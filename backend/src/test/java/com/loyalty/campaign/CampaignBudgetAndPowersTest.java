package com.loyalty.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import com.loyalty.shared.config.BrandProperties;
import com.loyalty.support.HandBuiltBrand;
import com.loyalty.support.IntegrationTest;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Campaigns are brand-wide marketing with a required, enforced budget (issue 22): marketers and
 * admins run them, store managers do not; a launch stops at the budget, skips members who already
 * hold the coupon and says how many; a POINTS campaign above the launcher's cap is refused.
 */
class CampaignBudgetAndPowersTest extends IntegrationTest {

    @Autowired
    PasswordEncoder passwords;
    @Autowired
    BrandProperties brand;

    @Test
    void aStoreManagerCannotCreateABrandWideCampaign() {
        HttpGraphQlTester manager = newStaff(createStore("camp-mgr"), "STORE_MANAGER");
        String member = idOf(member(unique("camp-mgr")));
        create(manager, input(Map.of("benefit", "POINTS", "points", 100, "budget", 100_000, "controlPercent", 0,
                "audience", "EVERYONE")))
                .errors().expect(e -> "FORBIDDEN".equals(e.getExtensions().get("classification"))).verify();
        String campaign = id(create(admin(), input(Map.of("benefit", "POINTS", "points", 10, "budget", 100,
                "controlPercent", 0, "audience", "MEMBERS", "memberIds", List.of(member)))));
        manager.documentName("launchCampaign").variable("id", campaign).execute()
                .errors().expect(e -> "FORBIDDEN".equals(e.getExtensions().get("classification"))).verify();
        assertThat(launchedAt(campaign)).isFalse();
    }

    @Test
    void aMarketerCreatesAndLaunchesACampaign() {
        HttpGraphQlTester marketer = newMarketer();
        List<String> members = IntStream.range(0, 3).mapToObj(i -> idOf(member(unique("mk")))).toList();
        String campaign = id(create(marketer, input(Map.of("benefit", "POINTS", "points", 100, "budget", 1_000,
                "controlPercent", 0, "audience", "MEMBERS", "memberIds", members))));

        launch(marketer, campaign)
                .path("launchCampaign.userErrors").entityList(Object.class).hasSize(0)
                .path("launchCampaign.launch.reached").entity(Integer.class).isEqualTo(3)
                .path("launchCampaign.launch.budgetUsed").entity(Long.class).isEqualTo(300L)
                .path("launchCampaign.campaign.stats.reached").entity(Integer.class).isEqualTo(3);
    }

    @Test
    void aCampaignWithoutABudgetIsRefused() {
        String member = idOf(member(unique("nobudget")));
        long before = campaigns();
        create(admin(), input(Map.of("benefit", "POINTS", "points", 100, "audience", "MEMBERS",
                "memberIds", List.of(member))))
                .path("createCampaign.userErrors[0].code").entity(String.class).isEqualTo("INVALID_INPUT")
                .path("createCampaign.userErrors[0].field").entityList(String.class).containsExactly("input", "budget");
        assertThat(campaigns()).isEqualTo(before);
    }

    /**
     * A multiplier, member day or points given with another benefit or kind are stored all the same:
     * out of range they are INVALID_INPUT on their own field and no campaign is made.
     */
    @Test
    void aCampaignWithAMultiplierMemberDayOrPointsOutOfRangeIsAClearError() {
        String member = idOf(member(unique("ranges")));
        long before = campaigns();
        Map<String, Object> points = Map.of("benefit", "POINTS", "points", 100, "budget", 1000, "audience", "MEMBERS",
                "memberIds", List.of(member));
        List<Map.Entry<String, Object>> cases = List.of(Map.entry("multiplier", 0.0), Map.entry("multiplier", -1.0),
                Map.entry("multiplier", 1.001), Map.entry("multiplier", 1e308), Map.entry("memberDay", 0),
                Map.entry("memberDay", 29), Map.entry("memberDay", Integer.MIN_VALUE));
        for (Map.Entry<String, Object> bad : cases) {
            Map<String, Object> input = new HashMap<>(points);
            input.put(bad.getKey(), bad.getValue());
            create(admin(), input(input))
                    .path("createCampaign.userErrors[0].code").entity(String.class).isEqualTo("INVALID_INPUT")
                    .path("createCampaign.userErrors[0].field").entityList(String.class)
                    .containsExactly("input", bad.getKey());
        }
        Map<String, Object> negativePoints = new HashMap<>(points);
        negativePoints.putAll(Map.of("benefit", "COUPON_PACK", "packId", "987654321", "points", -1));
        create(admin(), input(negativePoints))
                .path("createCampaign.userErrors[0].field").entityList(String.class).containsExactly("input", "points");
        assertThat(campaigns()).isEqualTo(before);
    }

    /**
     * The audience is stored as given, so members, tags and tier levels the brand does not have
     * (unknown, or another brand's) are refused on their field, and no campaign is made.
     */
    @Test
    void aCampaignForUnknownOrAnotherBrandsMembersTagsOrTiersIsAClearError() {
        HandBuiltBrand other = new HandBuiltBrand(db, passwords, brand.zone(), STAFF_PASSWORD);
        String foreignMember = String.valueOf(other.member(unique("other"), LocalDate.now(brand.zone()).minusDays(1)));
        String foreignTag = String.valueOf(db.sql("insert into tag (brand_id, name, kind) values (:b, 'vip', 'MANUAL') "
                + "returning id").bind("b", other.brandId).map(row -> row.get("id", Long.class)).one().block());
        String member = idOf(member(unique("known")));
        long before = campaigns();
        Map<String, Object> points = Map.of("benefit", "POINTS", "points", 100, "budget", 1000);

        for (String stranger : List.of(foreignMember, "987654321")) {
            Map<String, Object> input = new HashMap<>(points);
            input.putAll(Map.of("audience", "MEMBERS", "memberIds", List.of(member, stranger)));
            create(admin(), input(input))
                    .path("createCampaign.userErrors[0].code").entity(String.class).isEqualTo("MEMBER_NOT_FOUND")
                    .path("createCampaign.userErrors[0].field").entityList(String.class)
                    .containsExactly("input", "memberIds");
        }
        for (String tag : List.of(foreignTag, "987654321")) {
            Map<String, Object> input = new HashMap<>(points);
            input.putAll(Map.of("audience", "TAGS", "tagIds", List.of(tag)));
            create(admin(), input(input))
                    .path("createCampaign.userErrors[0].code").entity(String.class).isEqualTo("TAG_NOT_FOUND")
                    .path("createCampaign.userErrors[0].field").entityList(String.class).containsExactly("input", "tagIds");
        }
        Map<String, Object> tiers = new HashMap<>(points);
        tiers.putAll(Map.of("audience", "TIERS", "tiers", List.of(1, 99)));
        create(admin(), input(tiers))
                .path("createCampaign.userErrors[0].code").entity(String.class).isEqualTo("INVALID_INPUT")
                .path("createCampaign.userErrors[0].field").entityList(String.class).containsExactly("input", "tiers");
        assertThat(campaigns()).isEqualTo(before);

        // the brand's own members and tiers still make a campaign
        Map<String, Object> fine = new HashMap<>(points);
        fine.putAll(Map.of("audience", "MEMBERS", "memberIds", List.of(member), "tiers", List.of(0, 3)));
        id(create(admin(), input(fine)));
    }

    @Test
    void aCampaignStopsAtItsBudget() {
        List<String> members = IntStream.range(0, 5).mapToObj(i -> idOf(member(unique("budget")))).toList();
        String campaign = id(create(admin(), input(Map.of("benefit", "POINTS", "points", 100, "budget", 250,
                "controlPercent", 0, "audience", "MEMBERS", "memberIds", members))));

        launch(admin(), campaign)
                .path("launchCampaign.launch.reached").entity(Integer.class).isEqualTo(2)
                .path("launchCampaign.launch.leftOutByBudget").entity(Integer.class).isEqualTo(3)
                .path("launchCampaign.launch.budgetUsed").entity(Long.class).isEqualTo(200L);
        assertThat(db.sql("select coalesce(sum(delta), 0) as n from points_ledger where idempotency_key like :k")
                .bind("k", "campaign:" + campaign + ":%").map(row -> ((Number) row.get("n")).longValue()).one().block())
                .isEqualTo(200L);
    }

    @Test
    void anUnknownPackInCreateCampaignIsAClearError() {
        // the documented example (docs/api.md) with a pack that does not exist
        Map<String, Object> documented = input(Map.of("audience", "TIERS", "tiers", List.of(1, 2),
                "benefit", "COUPON_PACK", "packId", "987654321", "controlPercent", 10, "budget", 1000));
        String first = id(create(admin(), input(Map.of("benefit", "POINTS", "points", 1, "budget", 1,
                "audience", "EVERYONE"))));

        create(admin(), documented)
                .path("createCampaign.userErrors[0].code").entity(String.class).isEqualTo("COUPON_NOT_FOUND")
                .path("createCampaign.userErrors[0].field").entityList(String.class).containsExactly("input", "packId");

        // no campaign id was burnt: the next one follows the first
        String next = id(create(admin(), input(Map.of("benefit", "POINTS", "points", 1, "budget", 1,
                "audience", "EVERYONE"))));
        assertThat(Long.parseLong(next)).isEqualTo(Long.parseLong(first) + 1);
    }

    @Test
    void aLaunchSkipsMembersWhoAlreadyHoldTheCoupon() {
        HttpGraphQlTester marketer = newMarketer();
        String template = marketer.documentName("createCouponTemplate").variable("input", Map.of("name", "满100减10",
                        "kind", "AMOUNT_OFF", "amountOffCents", 1_000, "thresholdCents", 10_000, "validDays", 30))
                .execute().path("createCouponTemplate.template.id").entity(String.class).get();
        String pack = marketer.document("mutation($t: ID!) { createCouponPack(input: { name: \"回归券包\", items: "
                        + "[{ templateId: $t, quantity: 1 }] }) { pack { id } userErrors { code } } }")
                .variable("t", template).execute().path("createCouponPack.pack.id").entity(String.class).get();
        HttpGraphQlTester holder = member(unique("holder"));
        holder.documentName("claimCoupon").variable("templateId", template).variable("key", unique("claim")).execute()
                .path("claimCoupon.userErrors").entityList(Object.class).hasSize(0);
        List<String> members = List.of(idOf(holder), idOf(member(unique("new1"))), idOf(member(unique("new2"))));
        String campaign = id(create(marketer, input(Map.of("benefit", "COUPON_PACK", "packId", pack, "budget", 10,
                "controlPercent", 0, "audience", "MEMBERS", "memberIds", members))));

        launch(marketer, campaign)
                .path("launchCampaign.userErrors").entityList(Object.class).hasSize(0)
                .path("launchCampaign.launch.reached").entity(Integer.class).isEqualTo(2)
                .path("launchCampaign.launch.skippedHoldingCoupon").entity(Integer.class).isEqualTo(1)
                .path("launchCampaign.launch.budgetUsed").entity(Long.class).isEqualTo(2L);
        assertThat(db.sql("select count(*) as n from member_coupon where template_id = :t")
                .bind("t", Long.parseLong(template)).map(row -> row.get("n", Long.class)).one().block()).isEqualTo(3);
    }

    @Test
    void aMarketerCannotLaunchAPointsCampaignAboveTheirCap() {
        HttpGraphQlTester marketer = newMarketer();
        String member = idOf(member(unique("bigpoints")));
        String campaign = id(create(marketer, input(Map.of("benefit", "POINTS", "points", 1_000_000, "budget", 1_000_000,
                "controlPercent", 0, "audience", "MEMBERS", "memberIds", List.of(member)))));

        launch(marketer, campaign).path("launchCampaign.userErrors[0].code").entity(String.class)
                .isEqualTo("POINTS_CAP_EXCEEDED");
        assertThat(launchedAt(campaign)).isFalse();
        assertThat(db.sql("select count(*) as n from points_ledger where member_id = :m")
                .bind("m", Long.parseLong(member)).map(row -> row.get("n", Long.class)).one().block()).isZero();
    }

    private Map<String, Object> input(Map<String, Object> overrides) {
        Map<String, Object> input = new HashMap<>(Map.of("name", "回流计划",
                "startsAt", OffsetDateTime.now(clock).minusHours(1).toString(),
                "endsAt", OffsetDateTime.now(clock).plusDays(1).toString()));
        input.putAll(overrides);
        return input;
    }

    private static GraphQlTester.Response create(HttpGraphQlTester staff, Map<String, Object> input) {
        return staff.documentName("createCampaign").variable("input", input).execute();
    }

    private static String id(GraphQlTester.Response created) {
        return created.path("createCampaign.userErrors").entityList(Object.class).hasSize(0)
                .path("createCampaign.campaign.id").entity(String.class).get();
    }

    private static GraphQlTester.Response launch(HttpGraphQlTester staff, String campaign) {
        return staff.documentName("launchCampaign").variable("id", campaign).execute();
    }

    private boolean launchedAt(String campaign) {
        return db.sql("select launched_at is not null as l from campaign where id = :c").bind("c", Long.parseLong(campaign))
                .map(row -> row.get("l", Boolean.class)).one().block();
    }

    private long campaigns() {
        return db.sql("select count(*) as n from campaign").map(row -> row.get("n", Long.class)).one().block();
    }
}
