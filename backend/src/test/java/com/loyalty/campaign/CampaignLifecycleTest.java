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
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/** A campaign's life: scheduled, running, paused, resumed, changed, ended; listed by status; audited. */
class CampaignLifecycleTest extends IntegrationTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final String PAYLOAD = "campaign { id name status endsAt budget endedAt message } "
            + "userErrors { field code message }";

    @Test
    void aCampaignLaunchedBeforeItsStartIsScheduledAndStartsByItselfWithTheAudienceOfThatMoment() {
        setDay(LocalDate.of(2027, 6, 10));
        String tag = newTag();
        String early = tagged(tag, "early");
        String campaign = create(Map.of("audience", "TAGS", "tagIds", List.of(tag), "benefit", "POINTS", "points", 30,
                "controlPercent", 0, "startsAt", "2027-06-15T10:00:00+08:00", "endsAt", "2027-06-30T00:00:00+08:00"));

        desk().launch(campaign).path("launchCampaign.userErrors").entityList(Object.class).hasSize(0);
        assertThat(status(campaign)).isEqualTo("SCHEDULED");
        assertThat(balance(early)).isZero();
        String late = tagged(tag, "late");

        clock.setTo(Instant.parse("2027-06-15T09:59:00+08:00"));
        runCampaigns();
        assertThat(status(campaign)).as("not before its start").isEqualTo("SCHEDULED");

        clock.setTo(Instant.parse("2027-06-15T10:03:00+08:00"));
        runCampaigns();
        runCampaigns();
        assertThat(status(campaign)).isEqualTo("RUNNING");
        assertThat(balance(early)).isEqualTo(30);
        assertThat(balance(late)).as("the audience is fixed when it starts").isEqualTo(30);

        clock.setTo(Instant.parse("2027-06-30T00:01:00+08:00"));
        runCampaigns();
        assertThat(status(campaign)).isEqualTo("ENDED");
        staffActions(campaign).containsExactly("SCHEDULE_CAMPAIGN", "CREATE_CAMPAIGN");
    }

    @Test
    void aCampaignWhoseStartHasPassedRunsAtOnceAndStaysRunningUntilItsEnd() {
        String member = idOf(member(unique("now")));
        String campaign = create(Map.of("audience", "MEMBERS", "memberIds", List.of(member), "benefit", "POINTS",
                "points", 20, "controlPercent", 0));
        desk().launch(campaign).path("launchCampaign.campaign.launchedAt").hasValue();
        assertThat(status(campaign)).isEqualTo("RUNNING");
        assertThat(balance(member)).isEqualTo(20);
        runCampaigns();
        assertThat(status(campaign)).isEqualTo("RUNNING");
        assertThat(balance(member)).as("a one-off campaign gives once").isEqualTo(20);
    }

    @Test
    void aPausedCampaignGivesNothingUntilResumed() {
        String member = idOf(member(unique("paused")));
        String campaign = create(Map.of("audience", "MEMBERS", "memberIds", List.of(member), "benefit", "MULTIPLIER",
                "multiplier", 2.0, "controlPercent", 0));
        desk().launch(campaign);
        Till till = new Till(newStaff(createStore("pause"), "CLERK"));
        till.buy(member, unique("o"), 10_000).path("recordPurchase.purchase.pointsEarned").entity(Long.class)
                .isEqualTo(200L);

        change("pauseCampaign", campaign).path("pauseCampaign.campaign.status").entity(String.class).isEqualTo("PAUSED");
        till.buy(member, unique("o"), 10_000).path("recordPurchase.purchase.pointsEarned").entity(Long.class)
                .isEqualTo(100L);
        change("pauseCampaign", campaign).path("pauseCampaign.userErrors[0].code").entity(String.class)
                .isEqualTo("CAMPAIGN_STATUS_CONFLICT");

        change("resumeCampaign", campaign).path("resumeCampaign.campaign.status").entity(String.class)
                .isEqualTo("RUNNING");
        till.buy(member, unique("o"), 10_000).path("recordPurchase.purchase.pointsEarned").entity(Long.class)
                .isEqualTo(200L);
        staffActions(campaign).containsExactly("RESUME_CAMPAIGN", "PAUSE_CAMPAIGN", "LAUNCH_CAMPAIGN",
                "CREATE_CAMPAIGN");
    }

    @Test
    void aPausedMemberDayCampaignMultipliesNothingOnItsDay() {
        setDay(LocalDate.of(2027, 3, 1));
        String campaign = create(Map.of("kind", "MEMBER_DAY", "memberDay", 15, "benefit", "MULTIPLIER",
                "multiplier", 3.0, "controlPercent", 0, "audience", "EVERYONE", "endsAt", "2027-12-31T23:59:59+08:00"));
        desk().launch(campaign);
        change("pauseCampaign", campaign);
        String member = idOf(member(unique("joiner")));
        setDay(LocalDate.of(2027, 3, 2));
        admin().documentName("runJob").variable("job", "AUTOMATION").variable("asOf", "2027-03-02").execute();
        setDay(LocalDate.of(2027, 3, 15));
        new Till(newStaff(createStore("md"), "CLERK")).buy(member, unique("o"), 10_000)
                .path("recordPurchase.purchase.pointsEarned").entity(Long.class).isEqualTo(100L);
    }

    @Test
    void aRunningCampaignChangesOnlyItsNameEndBudgetAndMessage() {
        List<String> members = List.of(idOf(member(unique("r1"))), idOf(member(unique("r2"))));
        String campaign = create(Map.of("audience", "MEMBERS", "memberIds", members, "benefit", "POINTS",
                "points", 50, "budget", 1_000, "controlPercent", 0));
        desk().launch(campaign);

        update(Map.of("campaignId", campaign, "budget", 99)).path("updateCampaign.userErrors[0].field")
                .entityList(String.class).contains("budget")
                .path("updateCampaign.userErrors[0].code").entity(String.class).isEqualTo("INVALID_INPUT");
        update(Map.of("campaignId", campaign, "points", 80)).path("updateCampaign.userErrors[0].code")
                .entity(String.class).isEqualTo("CAMPAIGN_STATUS_CONFLICT")
                .path("updateCampaign.userErrors[0].field").entityList(String.class).contains("points");
        update(Map.of("campaignId", campaign, "endsAt", clock.instant().minus(Duration.ofMinutes(1)).toString()))
                .path("updateCampaign.userErrors[0].field").entityList(String.class).contains("endsAt");

        String newEnd = clock.instant().plus(Duration.ofDays(30)).toString();
        update(Map.of("campaignId", campaign, "budget", 2_000, "name", "加码回馈", "endsAt", newEnd,
                "message", "感谢支持，积分已到账", "points", 50))
                .path("updateCampaign.userErrors").entityList(Object.class).hasSize(0)
                .path("updateCampaign.campaign.budget").entity(Long.class).isEqualTo(2_000L)
                .path("updateCampaign.campaign.name").entity(String.class).isEqualTo("加码回馈")
                .path("updateCampaign.campaign.message").entity(String.class).isEqualTo("感谢支持，积分已到账");
        admin().document("query($id: ID!) { staffActions(subject: \"CAMPAIGN\", subjectId: $id, action: "
                        + "\"UPDATE_CAMPAIGN\") { edges { node { before after } } } }")
                .variable("id", campaign).execute()
                .path("staffActions.edges[0].node.before").entity(String.class)
                .satisfies(before -> assertThat(before).contains("\"budget\": 1000"))
                .path("staffActions.edges[0].node.after").entity(String.class)
                .satisfies(after -> assertThat(after).contains("\"budget\": 2000").contains("加码回馈"));
    }

    @Test
    void aDraftIsChangedUnderTheSameRulesAsANewCampaign() {
        String campaign = create(Map.of("audience", "EVERYONE", "benefit", "POINTS", "points", 10));
        update(Map.of("campaignId", campaign, "multiplier", 20.0)).path("updateCampaign.userErrors[0].field")
                .entityList(String.class).contains("multiplier");
        update(Map.of("campaignId", campaign, "benefit", "COUPON_PACK")).path("updateCampaign.userErrors[0].field")
                .entityList(String.class).contains("benefit");
        update(Map.of("campaignId", campaign, "tagIds", List.of("999999999"), "audience", "TAGS"))
                .path("updateCampaign.userErrors[0].code").entity(String.class).isEqualTo("TAG_NOT_FOUND");
        update(Map.of("campaignId", campaign, "points", 15, "audience", "SEGMENTS",
                "segments", List.of("IMPORTANT_VALUE"), "recurrence", "MONTHLY"))
                .path("updateCampaign.userErrors").entityList(Object.class).hasSize(0)
                .path("updateCampaign.campaign.status").entity(String.class).isEqualTo("DRAFT");
        admin().document("query($id: ID!) { campaign(id: $id) { audience recurrence } }").variable("id", campaign)
                .execute().path("campaign.audience").entity(String.class).isEqualTo("SEGMENTS")
                .path("campaign.recurrence").entity(String.class).isEqualTo("MONTHLY");
        update(Map.of("campaignId", "999999999", "name", "x")).path("updateCampaign.userErrors[0].code")
                .entity(String.class).isEqualTo("CAMPAIGN_NOT_FOUND");
    }

    @Test
    void anEndedCampaignCannotBeChangedEndedAgainOrLaunchedAndItsCouponsStayValid() {
        String campaign = create(Map.of("audience", "EVERYONE", "benefit", "POINTS", "points", 10));
        change("endCampaign", campaign).path("endCampaign.campaign.status").entity(String.class).isEqualTo("ENDED")
                .path("endCampaign.campaign.endedAt").hasValue();
        update(Map.of("campaignId", campaign, "name", "再来")).path("updateCampaign.userErrors[0].code")
                .entity(String.class).isEqualTo("CAMPAIGN_STATUS_CONFLICT")
                .path("updateCampaign.userErrors[0].message").entity(String.class)
                .satisfies(m -> assertThat(m).contains("已结束"));
        change("endCampaign", campaign).path("endCampaign.userErrors[0].code").entity(String.class)
                .isEqualTo("CAMPAIGN_STATUS_CONFLICT");
        desk().launch(campaign).path("launchCampaign.userErrors[0].code").entity(String.class)
                .isEqualTo("CAMPAIGN_STATUS_CONFLICT");
    }

    @Test
    void aStoreManagerReadsCampaignsButCannotChangeThem() {
        String campaign = create(Map.of("audience", "EVERYONE", "benefit", "POINTS", "points", 10));
        HttpGraphQlTester manager = newStaff(createStore("mgr"), "STORE_MANAGER");
        manager.document("{ campaigns(first: 1) { totalCount edges { node { id status } } } }").execute()
                .path("campaigns.totalCount").entity(Long.class).satisfies(n -> assertThat(n).isPositive());
        manager.document("mutation($id: ID!) { pauseCampaign(campaignId: $id) { userErrors { code } } }")
                .variable("id", campaign).execute().errors().satisfy(errors -> assertThat(errors).isNotEmpty());
    }

    @Test
    void campaignsAreListedNewestFirstByStatusAndNameWithTheCountInEachStatus() {
        String word = unique("清单");
        String draft = create(Map.of("name", word + "草稿", "audience", "EVERYONE", "benefit", "POINTS", "points", 10));
        String running = create(Map.of("name", word + "进行", "audience", "MEMBERS",
                "memberIds", List.of(idOf(member(unique("l")))), "benefit", "POINTS", "points", 10));
        desk().launch(running);
        String ended = create(Map.of("name", word + "结束", "audience", "EVERYONE", "benefit", "POINTS", "points", 10));
        change("endCampaign", ended);
        String query = "query($f: CampaignFilter, $after: String) { campaigns(filter: $f, first: 2, after: $after) { "
                + "totalCount statusCounts { status count } pageInfo { hasNextPage endCursor } "
                + "edges { node { id status } } } }";

        GraphQlTester.Response all = admin().document(query).variable("f", Map.of("search", word.toUpperCase()))
                .execute();
        all.path("campaigns.totalCount").entity(Long.class).isEqualTo(3L)
                .path("campaigns.edges[*].node.id").entityList(String.class).containsExactly(ended, running)
                .path("campaigns.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(true)
                .path("campaigns.statusCounts[?(@.status == 'DRAFT')].count").entityList(Long.class).containsExactly(1L)
                .path("campaigns.statusCounts[?(@.status == 'RUNNING')].count").entityList(Long.class).containsExactly(1L)
                .path("campaigns.statusCounts[?(@.status == 'ENDED')].count").entityList(Long.class).containsExactly(1L)
                .path("campaigns.statusCounts[?(@.status == 'PAUSED')].count").entityList(Long.class).containsExactly(0L);
        String cursor = all.path("campaigns.pageInfo.endCursor").entity(String.class).get();
        admin().document(query).variable("f", Map.of("search", word)).variable("after", cursor).execute()
                .path("campaigns.edges[*].node.id").entityList(String.class).containsExactly(draft);
        admin().document(query).variable("f", Map.of("search", word, "status", "RUNNING")).execute()
                .path("campaigns.totalCount").entity(Long.class).isEqualTo(1L)
                .path("campaigns.edges[*].node.status").entityList(String.class).containsExactly("RUNNING");
    }

    private void setDay(LocalDate day) {
        clock.setTo(day.atTime(12, 0).atZone(SHANGHAI).toInstant());
    }

    private void runCampaigns() {
        admin().documentName("runJob").variable("job", "CAMPAIGNS").execute()
                .path("runJob.summary").entity(String.class).satisfies(s -> assertThat(s).contains("started"));
    }

    private String newTag() {
        return admin().documentName("createTag").variable("input", Map.of("name", unique("T"))).execute()
                .path("createTag.tag.id").entity(String.class).get();
    }

    private String tagged(String tag, String name) {
        String member = idOf(member(unique(name)));
        admin().documentName("addMemberTag").variable("input", Map.of("memberId", member, "tagId", tag, "reason", "活动"))
                .execute().path("addMemberTag.changed").entity(Boolean.class).isEqualTo(true);
        return member;
    }

    private CampaignDesk desk() {
        return new CampaignDesk(admin());
    }

    private String create(Map<String, Object> overrides) {
        Map<String, Object> input = new HashMap<>(Map.of("name", "活动", "startsAt",
                clock.instant().minus(Duration.ofHours(1)).toString(), "endsAt",
                clock.instant().plus(Duration.ofDays(10)).toString(), "budget", 1_000_000));
        input.putAll(overrides);
        return desk().create(input);
    }

    private GraphQlTester.Response update(Map<String, Object> input) {
        return admin().document("mutation($input: UpdateCampaignInput!) { updateCampaign(input: $input) { " + PAYLOAD
                + " } }").variable("input", input).execute();
    }

    private GraphQlTester.Response change(String mutation, String campaign) {
        return admin().document("mutation($id: ID!) { " + mutation + "(campaignId: $id) { " + PAYLOAD + " } }")
                .variable("id", campaign).execute();
    }

    private String status(String campaign) {
        return admin().document("query($id: ID!) { campaign(id: $id) { status } }").variable("id", campaign).execute()
                .path("campaign.status").entity(String.class).get();
    }

    private GraphQlTester.EntityList<String> staffActions(String campaign) {
        return admin().document("query($id: ID!) { staffActions(subject: \"CAMPAIGN\", subjectId: $id) { "
                        + "edges { node { action } } } }").variable("id", campaign).execute()
                .path("staffActions.edges[*].node.action").entityList(String.class);
    }

    private long balance(String member) {
        return db.sql("select coalesce(sum(delta), 0)::bigint as n from points_ledger where member_id = :m")
                .bind("m", Long.parseLong(member)).map(row -> row.get("n", Long.class)).one().block();
    }
}
