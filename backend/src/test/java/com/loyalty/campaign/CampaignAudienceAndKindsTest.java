package com.loyalty.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import com.loyalty.support.IntegrationTest;
import com.loyalty.support.Till;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Campaign audiences from tags and lifecycle stages, and the built-in member-day and birthday kinds. */
class CampaignAudienceAndKindsTest extends IntegrationTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Test
    void aTagAudienceTakesExactlyTheTaggedMembers() {
        String tag = admin().documentName("createTag").variable("input", Map.of("name", unique("VIP"))).execute()
                .path("createTag.tag.id").entity(String.class).get();
        String tagged = idOf(member(unique("tagged")));
        String untagged = idOf(member(unique("plain")));
        admin().documentName("addMemberTag").variable("input", Map.of("memberId", tagged, "tagId", tag, "reason", "大客户"))
                .execute().path("addMemberTag.changed").entity(Boolean.class).isEqualTo(true);

        String campaign = create(Map.of("audience", "TAGS", "tagIds", List.of(tag), "benefit", "POINTS", "points", 50,
                "controlPercent", 0));
        launch(campaign);
        assertThat(audience(campaign)).containsExactly(Long.parseLong(tagged)).doesNotContain(Long.parseLong(untagged));
    }

    @Test
    void aStageAudienceTakesTheMembersAtThatStage() {
        Instant start = clock.instant();
        String sleeper = idOf(member(unique("sleeper")));
        new Till(newStaff(createStore("stage"), "CLERK")).earn(sleeper, unique("o"), 10_000);
        clock.setTo(start.plus(Duration.ofDays(45)));
        admin().documentName("runJob").variable("job", "MEMBER_SEGMENTS").execute();
        String fresh = idOf(member(unique("fresh")));

        String campaign = create(Map.of("audience", "STAGES", "stages", List.of("DORMANT"), "benefit", "POINTS",
                "points", 50, "controlPercent", 0));
        launch(campaign);
        assertThat(audience(campaign)).contains(Long.parseLong(sleeper)).doesNotContain(Long.parseLong(fresh));
    }

    @Test
    void aMemberDayCampaignMultipliesOnlyOnItsDayAndReachesMembersWhoJoinLater() {
        setDay(LocalDate.of(2027, 3, 1));
        String campaign = create(Map.of("kind", "MEMBER_DAY", "memberDay", 15, "benefit", "MULTIPLIER",
                "multiplier", 3.0, "controlPercent", 0, "audience", "EVERYONE",
                "endsAt", "2027-12-31T23:59:59+08:00"));
        launch(campaign);
        String member = idOf(member(unique("joiner")));
        String clerk = createStaff(createStore("memberday"), "CLERK");
        runAutomation(LocalDate.of(2027, 3, 2));

        setDay(LocalDate.of(2027, 3, 14));
        new Till(staff(clerk, STAFF_PASSWORD)).buy(member, unique("o"), 10_000)
                .path("recordPurchase.purchase.pointsEarned").entity(Long.class).isEqualTo(100L);
        setDay(LocalDate.of(2027, 3, 15));
        new Till(staff(clerk, STAFF_PASSWORD)).buy(member, unique("o"), 10_000)
                .path("recordPurchase.purchase.pointsEarned").entity(Long.class).isEqualTo(300L)
                .path("recordPurchase.purchase.earnBreakdown[1].rule").entity(String.class).isEqualTo("CAMPAIGN");
    }

    @Test
    void aBirthdayCampaignGivesItsPackOnceInTheBirthMonth() {
        setDay(LocalDate.of(2027, 4, 20));
        String name = unique("bday");
        member(name).documentName("updateProfile").variable("input", Map.of("birthday", "1995-05-09")).execute()
                .path("updateProfile.userErrors").entityList(Object.class).hasSize(0);
        String member = idOf(member(name));
        String template = admin().documentName("createCouponTemplate").variable("input", Map.of("name", "生日礼券",
                        "kind", "GIFT", "giftName", "生日蛋糕", "validDays", 30))
                .execute().path("createCouponTemplate.template.id").entity(String.class).get();
        String pack = admin().document("mutation($t: ID!, $n: String!) { createCouponPack(input: { name: $n, "
                        + "items: [{ templateId: $t, quantity: 1 }] }) { pack { id } } }")
                .variable("t", template).variable("n", unique("生日券包")).execute()
                .path("createCouponPack.pack.id").entity(String.class).get();
        String campaign = create(Map.of("kind", "BIRTHDAY", "benefit", "COUPON_PACK", "packId", pack,
                "controlPercent", 0, "audience", "EVERYONE", "endsAt", "2028-04-01T00:00:00+08:00"));
        launch(campaign);
        assertThat(couponsFromCampaign(member, campaign)).as("nothing at launch in April").isZero();

        runAutomation(LocalDate.of(2027, 4, 30));
        assertThat(couponsFromCampaign(member, campaign)).isZero();
        runAutomation(LocalDate.of(2027, 5, 1));
        runAutomation(LocalDate.of(2027, 5, 2));
        assertThat(couponsFromCampaign(member, campaign)).isEqualTo(1);
        admin().document("query($id: ID!) { campaign(id: $id) { kind stats { reached couponsIssued } } }")
                .variable("id", campaign).execute()
                .path("campaign.kind").entity(String.class).isEqualTo("BIRTHDAY")
                .path("campaign.stats.reached").entity(Integer.class).satisfies(n -> assertThat(n).isPositive());
    }

    @Test
    void builtInKindsCheckTheirBenefit() {
        Map<String, Object> input = new HashMap<>(base());
        input.putAll(Map.of("kind", "MEMBER_DAY", "benefit", "POINTS", "points", 10, "audience", "EVERYONE"));
        admin().document("mutation($input: CreateCampaignInput!) { createCampaign(input: $input) { "
                        + "userErrors { field code } } }").variable("input", input).execute()
                .path("createCampaign.userErrors[0].field").entityList(String.class).contains("memberDay");
    }

    private void setDay(LocalDate day) {
        clock.setTo(day.atTime(12, 0).atZone(SHANGHAI).toInstant());
    }

    private void runAutomation(LocalDate day) {
        setDay(day);
        admin().documentName("runJob").variable("job", "AUTOMATION").variable("asOf", day.toString()).execute()
                .path("runJob.summary").entity(String.class).satisfies(s -> assertThat(s).contains("birthday campaigns"));
    }

    private Map<String, Object> base() {
        return Map.of("name", "会员活动", "startsAt", clock.instant().minus(Duration.ofHours(1)).toString(),
                "endsAt", clock.instant().plus(Duration.ofDays(1)).toString(), "budget", 1_000_000);
    }

    private String create(Map<String, Object> overrides) {
        Map<String, Object> input = new HashMap<>(base());
        input.putAll(overrides);
        return new CampaignDesk(admin()).create(input);
    }

    private void launch(String campaign) {
        new CampaignDesk(admin()).launch(campaign).path("launchCampaign.userErrors").entityList(Object.class).hasSize(0);
    }

    private List<Long> audience(String campaign) {
        return db.sql("select member_id from campaign_member where campaign_id = :c order by member_id")
                .bind("c", Long.parseLong(campaign)).map(row -> row.get("member_id", Long.class)).all().collectList()
                .block();
    }

    private long couponsFromCampaign(String member, String campaign) {
        return db.sql("select count(*) as n from member_coupon where member_id = :m and campaign_id = :c")
                .bind("m", Long.parseLong(member)).bind("c", Long.parseLong(campaign))
                .map(row -> row.get("n", Long.class)).one().block();
    }
}
