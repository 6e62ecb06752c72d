package com.loyalty.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import com.loyalty.dev.wechat.FakeWeChatServer;
import com.loyalty.dev.sms.FakeSmsServer;
import com.loyalty.support.IntegrationTest;
import com.loyalty.support.Till;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/** Audiences previewed before launch (top spenders, member filters), campaign messages, monthly recurrence. */
class CampaignAudienceMessagesAndRecurrenceTest extends IntegrationTest {

    @Autowired
    FakeWeChatServer weChat;

    @Autowired
    FakeSmsServer sms;

    private static final String PREVIEW = "query($input: CampaignAudienceInput!) { campaignAudiencePreview(input: $input) "
            + "{ count withoutMarketingConsent sample { id nickname } } }";

    @Test
    void aPreviewCountsTheAudienceAndThoseWithoutMarketingConsentAndShowsMaskedMembers() {
        String tag = newTag();
        HttpGraphQlTester shy = member(unique("shy"));
        String shyId = idOf(shy);
        shy.documentName("updateConsents").variable("input", Map.of("marketing", false)).execute()
                .path("updateConsents.consents.marketing").entity(Boolean.class).isEqualTo(false);
        addTag(shyId, tag);
        String keenName = unique("keen");
        member(keenName).documentName("updateProfile").variable("input", Map.of("nickname", "小爱同学")).execute()
                .path("updateProfile.userErrors").entityList(Object.class).hasSize(0);
        String keen = idOf(member(keenName));
        addTag(keen, tag);

        GraphQlTester.Response preview = newMarketer().document(PREVIEW)
                .variable("input", Map.of("audience", "FILTER", "filter", Map.of("tags", List.of(tag)))).execute();
        preview.path("campaignAudiencePreview.count").entity(Long.class).isEqualTo(2L)
                .path("campaignAudiencePreview.withoutMarketingConsent").entity(Long.class).isEqualTo(1L)
                .path("campaignAudiencePreview.sample[*].id").entityList(String.class).containsExactly(keen)
                .path("campaignAudiencePreview.sample[0].nickname").entity(String.class)
                .isEqualTo("小***");

        admin().document(PREVIEW).variable("input", Map.of("audience", "TOP_SPENDERS", "topPercent", 0,
                "windowDays", 30)).execute().errors().satisfy(errors -> assertThat(errors).singleElement()
                .satisfies(e -> assertThat(e.getMessage()).contains("百分比")));
        newStaff(createStore("prev"), "STORE_MANAGER").document(PREVIEW)
                .variable("input", Map.of("audience", "EVERYONE")).execute()
                .errors().satisfy(errors -> assertThat(errors).isNotEmpty());
    }

    @Test
    void aTopSpendersAudienceTakesTheTopShareByNetSpendInTheWindow() {
        Till till = new Till(newStaff(createStore("top"), "CLERK"));
        List<String> members = IntStream.range(0, 5).mapToObj(i -> idOf(member(unique("spender")))).toList();
        // spends far above anyone else's in this shared database, so the top share is these members' own
        for (int i = 0; i < members.size(); i++) {
            till.earn(members.get(i), unique("o"), 900_000_000L + i * 10_000_000L);
        }
        String tag = newTag();
        members.forEach(m -> addTag(m, tag));
        long spenders = db.sql("""
                        select count(distinct member_id) as n from purchase
                        where occurred_at >= :since and amount_cents > refunded_cents
                        """).bind("since", clock.instant().minus(Duration.ofDays(30)))
                .map(row -> row.get("n", Long.class)).one().block();
        int percent = (int) Math.max(1, (2 * 100) / spenders); // about two members' share of all spenders
        long expected = (long) Math.ceil(spenders * percent / 100.0);

        String campaign = create(Map.of("audience", "TOP_SPENDERS", "topPercent", percent, "windowDays", 30,
                "benefit", "POINTS", "points", 10, "controlPercent", 0));
        admin().document("mutation($id: ID!) { launchCampaign(campaignId: $id) { launch { reached } } }")
                .variable("id", campaign).execute().path("launchCampaign.launch.reached").entity(Long.class)
                .isEqualTo(Math.min(expected, 5));
        List<Long> audience = db.sql("select member_id from campaign_member where campaign_id = :c order by member_id")
                .bind("c", Long.parseLong(campaign)).map(row -> row.get("member_id", Long.class)).all().collectList()
                .block();
        assertThat(audience).contains(Long.parseLong(members.get(4)));
        assertThat(audience).doesNotContain(Long.parseLong(members.get(0)));
    }

    @Test
    void aCampaignMessageGoesBySmsToReachedMembersWhoStillConsentAndNeverAsAWeChatSubscribeMessage() {
        clock.setTo(Instant.parse("2027-05-10T12:00:00+08:00"));
        String reachableName = unique("reachable");
        HttpGraphQlTester reachable = member(reachableName);
        String phone = bindFreshPhone(reachable);
        // the service reminders the member subscribed to are not for a campaign's marketing
        reachable.documentName("grantSubscribeConsent")
                .variable("templateIds", List.of("test-tmpl-points-expiring", "test-tmpl-coupon-expiring")).execute()
                .path("grantSubscribeConsent.userErrors").entityList(Object.class).hasSize(0);
        String noPhone = idOf(member(unique("no-phone")));
        HttpGraphQlTester changedMind = member(unique("changed-mind"));
        String changedMindPhone = bindFreshPhone(changedMind);
        String campaign = create(Map.of("audience", "MEMBERS",
                "memberIds", List.of(idOf(reachable), noPhone, idOf(changedMind)),
                "benefit", "POINTS", "points", 10, "controlPercent", 0, "message", "  送您 10 积分，欢迎回店  "));
        new CampaignDesk(admin()).launch(campaign);
        changedMind.documentName("updateConsents").variable("input", Map.of("marketing", false)).execute()
                .path("updateConsents.consents.marketing").entity(Boolean.class).isEqualTo(false);
        admin().documentName("runJob").variable("job", "SEND_NOTIFICATIONS").execute();

        assertThat(sms.sentTo(phone)).singleElement().satisfies(text -> {
            assertThat(text.template()).isEqualTo("SMS_TEST_CAMPAIGN");
            assertThat(text.params()).containsEntry("message", "送您 10 积分，欢迎回店");
        });
        assertThat(sms.sentTo(changedMindPhone)).as("withdrew marketing consent before it was sent").isEmpty();
        assertThat(weChat.sentTo(FakeWeChatServer.openidOf(reachableName))).isEmpty();
        admin().document("query($id: ID!) { campaign(id: $id) { message messageChannel stats { reached messagesQueued "
                        + "messagesSent messagesFailed messagesPending messagesSkippedNoConsent } } }")
                .variable("id", campaign).execute()
                .path("campaign.message").entity(String.class).isEqualTo("送您 10 积分，欢迎回店")
                .path("campaign.messageChannel").entity(String.class).isEqualTo("SMS")
                .path("campaign.stats.reached").entity(Long.class).isEqualTo(3L)
                .path("campaign.stats.messagesQueued").entity(Long.class).isEqualTo(3L)
                .path("campaign.stats.messagesSent").entity(Long.class).isEqualTo(1L)
                .path("campaign.stats.messagesPending").entity(Long.class).isEqualTo(0L)
                .path("campaign.stats.messagesSkippedNoConsent").entity(Long.class).isEqualTo(2L);
    }

    @Test
    void aCampaignMessageCannotBeAWeChatSubscribeMessage() {
        Map<String, Object> input = new HashMap<>(base());
        input.putAll(Map.of("audience", "EVERYONE", "benefit", "POINTS", "points", 10, "message", "周末来店送积分",
                "messageChannel", "WECHAT_SUBSCRIBE"));
        admin().document("mutation($input: CreateCampaignInput!) { createCampaign(input: $input) { "
                        + "campaign { id } userErrors { field code message } } }").variable("input", input).execute()
                .path("createCampaign.campaign").valueIsNull()
                .path("createCampaign.userErrors[0].field").entityList(String.class).contains("messageChannel")
                .path("createCampaign.userErrors[0].code").entity(String.class).isEqualTo("INVALID_INPUT")
                .path("createCampaign.userErrors[0].message").entity(String.class)
                .satisfies(m -> assertThat(m).contains("营销消息").contains("短信"));

        String draft = create(Map.of("audience", "EVERYONE", "benefit", "POINTS", "points", 10, "message", "周末来店送积分"));
        admin().document("mutation($input: UpdateCampaignInput!) { updateCampaign(input: $input) { "
                        + "campaign { messageChannel } userErrors { field code } } }")
                .variable("input", Map.of("campaignId", draft, "messageChannel", "WECHAT_SUBSCRIBE")).execute()
                .path("updateCampaign.userErrors[0].field").entityList(String.class).contains("messageChannel")
                .path("updateCampaign.userErrors[0].code").entity(String.class).isEqualTo("INVALID_INPUT");
        admin().document("query($id: ID!) { campaign(id: $id) { messageChannel } }").variable("id", draft).execute()
                .path("campaign.messageChannel").entity(String.class).isEqualTo("SMS");
    }

    @Test
    void aTooLongMessageIsRefused() {
        Map<String, Object> input = new HashMap<>(base());
        input.putAll(Map.of("audience", "EVERYONE", "benefit", "POINTS", "points", 10, "message", "好".repeat(201)));
        admin().document("mutation($input: CreateCampaignInput!) { createCampaign(input: $input) { "
                        + "userErrors { field code } } }").variable("input", input).execute()
                .path("createCampaign.userErrors[0].field").entityList(String.class).contains("message")
                .path("createCampaign.userErrors[0].code").entity(String.class).isEqualTo("INVALID_INPUT");
    }

    @Test
    void aMonthlyCampaignGivesAgainOnTheFirstOfEachMonthAndKeepsItsControlGroup() {
        clock.setTo(Instant.parse("2027-08-20T12:00:00+08:00"));
        String tag = newTag();
        List<String> first = IntStream.range(0, 12).mapToObj(i -> tagged(tag, "monthly")).toList();
        String campaign = create(Map.of("audience", "TAGS", "tagIds", List.of(tag), "benefit", "POINTS", "points", 10,
                "controlPercent", 50, "recurrence", "MONTHLY", "endsAt", "2027-11-15T00:00:00+08:00"));
        new CampaignDesk(admin()).launch(campaign);
        Map<Long, Boolean> control = split(campaign);
        assertThat(control).hasSize(12);
        assertThat(control.values()).contains(true, false);
        long treated = control.values().stream().filter(c -> !c).count();
        assertThat(pointsGiven(campaign)).isEqualTo(10 * treated);

        clock.setTo(Instant.parse("2027-08-31T23:50:00+08:00"));
        runCampaigns();
        assertThat(pointsGiven(campaign)).as("nothing more within the month").isEqualTo(10 * treated);

        String newcomer = tagged(tag, "newcomer");
        clock.setTo(Instant.parse("2027-09-01T00:05:00+08:00"));
        runCampaigns();
        runCampaigns();
        Map<Long, Boolean> after = split(campaign);
        assertThat(after).containsAllEntriesOf(control).containsKey(Long.parseLong(newcomer));
        long treatedNow = after.values().stream().filter(c -> !c).count();
        assertThat(pointsGiven(campaign)).isEqualTo(10 * treated + 10 * treatedNow);
        first.stream().filter(m -> control.get(Long.parseLong(m))).forEach(m ->
                assertThat(balance(m)).as("the control group gets nothing, month after month").isZero());

        change("pauseCampaign", campaign);
        clock.setTo(Instant.parse("2027-10-01T00:05:00+08:00"));
        runCampaigns();
        assertThat(pointsGiven(campaign)).as("no run while paused").isEqualTo(10 * treated + 10 * treatedNow);
    }

    private Map<Long, Boolean> split(String campaign) {
        Map<Long, Boolean> control = new HashMap<>();
        db.sql("select member_id, in_control from campaign_member where campaign_id = :c")
                .bind("c", Long.parseLong(campaign))
                .map(row -> Map.entry(row.get("member_id", Long.class), row.get("in_control", Boolean.class)))
                .all().doOnNext(e -> control.put(e.getKey(), e.getValue())).blockLast();
        return control;
    }

    private long pointsGiven(String campaign) {
        return db.sql("select coalesce(sum(delta), 0)::bigint as n from points_ledger where idempotency_key like :k")
                .bind("k", "campaign:" + campaign + ":%").map(row -> row.get("n", Long.class)).one().block();
    }

    private long balance(String member) {
        return db.sql("select coalesce(sum(delta), 0)::bigint as n from points_ledger where member_id = :m")
                .bind("m", Long.parseLong(member)).map(row -> row.get("n", Long.class)).one().block();
    }

    private void runCampaigns() {
        admin().documentName("runJob").variable("job", "CAMPAIGNS").execute()
                .path("runJob.userErrors").entityList(Object.class).hasSize(0);
    }

    private GraphQlTester.Response change(String mutation, String campaign) {
        return admin().document("mutation($id: ID!) { " + mutation + "(campaignId: $id) { userErrors { code } } }")
                .variable("id", campaign).execute();
    }

    private String newTag() {
        return admin().documentName("createTag").variable("input", Map.of("name", unique("T"))).execute()
                .path("createTag.tag.id").entity(String.class).get();
    }

    private void addTag(String member, String tag) {
        admin().documentName("addMemberTag").variable("input", Map.of("memberId", member, "tagId", tag, "reason", "活动"))
                .execute().path("addMemberTag.changed").entity(Boolean.class).isEqualTo(true);
    }

    private String tagged(String tag, String name) {
        String member = idOf(member(unique(name)));
        addTag(member, tag);
        return member;
    }

    private Map<String, Object> base() {
        return Map.of("name", "会员活动", "startsAt", clock.instant().minus(Duration.ofHours(1)).toString(),
                "endsAt", clock.instant().plus(Duration.ofDays(10)).toString(), "budget", 1_000_000);
    }

    private String create(Map<String, Object> overrides) {
        Map<String, Object> input = new HashMap<>(base());
        input.putAll(overrides);
        return new CampaignDesk(admin()).create(input);
    }
}
