package com.loyalty.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import com.loyalty.support.IntegrationTest;
import com.loyalty.support.MemberPage;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/** Member.campaigns: the campaigns a member was in, as the readers of `campaign` see them. */
class MemberCampaignsTest extends IntegrationTest {

    private static final String FIELDS = "campaigns { campaignId name status kind benefit group reached reachedAt startsAt endsAt }";

    @Test
    void aStoreManagerSeesTheCampaignsTheMemberWasInWithTheirGroupAndWhetherTheBenefitReachedThem() {
        String store = createStore("mc-page");
        HttpGraphQlTester member = memberOf(store, unique("mc-in"));
        String id = idOf(member);
        String older = launched("老客回馈", List.of(id), 0);
        String newer = launched("对照测试", List.of(id), 50);
        boolean control = Boolean.TRUE.equals(db.sql("select in_control from campaign_member where campaign_id = :c and member_id = :m")
                .bind("c", Long.parseLong(newer)).bind("m", Long.parseLong(id)).map(r -> r.get("in_control", Boolean.class)).one().block());

        List<Map> campaigns = new MemberPage(newStaff(store, "STORE_MANAGER")).open(id, FIELDS)
                .path("member.member.campaigns").entityList(Map.class).get();

        assertThat(campaigns).extracting(c -> c.get("campaignId")).containsExactly(newer, older);
        assertThat(campaigns.get(1)).containsEntry("name", "老客回馈").containsEntry("status", "RUNNING")
                .containsEntry("kind", "STANDARD").containsEntry("benefit", "POINTS").containsEntry("group", "TREATED")
                .containsEntry("reached", true);
        assertThat(campaigns.get(1).get("reachedAt")).isNotNull();
        assertThat(campaigns.get(0)).containsEntry("group", control ? "CONTROL" : "TREATED")
                .containsEntry("reached", !control);
        new MemberPage(newMarketer()).open(id, "latest: campaigns(first: 1) { campaignId } all: campaigns { campaignId }")
                .path("member.member.latest[*].campaignId").entityList(String.class).containsExactly(newer)
                .path("member.member.all[*].campaignId").entityList(String.class).containsExactly(newer, older);
    }

    @Test
    void aMemberInNoCampaignHasAnEmptyListAndAClerkOrTheMemberIsForbidden() {
        String store = createStore("mc-none");
        HttpGraphQlTester member = memberOf(store, unique("mc-out"));

        new MemberPage(newMarketer()).open(idOf(member), FIELDS)
                .path("member.member.campaigns").entityList(Object.class).hasSize(0);
        new MemberPage(newStaff(store, "CLERK")).open(idOf(member), FIELDS)
                .errors().expect(e -> "FORBIDDEN".equals(e.getExtensions().get("classification"))).verify()
                .path("member.member.campaigns").valueIsNull();
        member.document("{ me { id campaigns { name } } }").execute()
                .errors().expect(e -> "FORBIDDEN".equals(e.getExtensions().get("classification"))).verify()
                .path("me.campaigns").valueIsNull();
    }

    @Test
    void aManagerOfAnotherStoreIsRefusedAsTheMemberQueryRefusesThem() {
        HttpGraphQlTester member = memberOf(createStore("mc-home"), unique("mc-walled"));
        launched("跨店活动", List.of(idOf(member)), 0);
        MemberPage otherManager = new MemberPage(newStaff(createStore("mc-else"), "STORE_MANAGER"));

        otherManager.open(idOf(member), FIELDS).path("member").valueIsNull();
        otherManager.scan(member, FIELDS)
                .path("scanMemberCode.card.member.id").entity(String.class).isEqualTo(idOf(member))
                .path("scanMemberCode.card.member.campaigns").valueIsNull();
    }

    private String launched(String name, List<String> memberIds, int controlPercent) {
        Map<String, Object> input = new HashMap<>(Map.of("name", name, "benefit", "POINTS", "points", 10,
                "controlPercent", controlPercent, "audience", "MEMBERS", "memberIds", memberIds, "budget", 1000,
                "startsAt", OffsetDateTime.now(clock).minusHours(1).toString(),
                "endsAt", OffsetDateTime.now(clock).plusDays(1).toString()));
        CampaignDesk desk = new CampaignDesk(admin());
        String id = desk.create(input);
        desk.launch(id).path("launchCampaign.campaign.launchedAt").hasValue();
        return id;
    }
}
