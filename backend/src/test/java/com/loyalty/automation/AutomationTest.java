package com.loyalty.automation;

import static org.assertj.core.api.Assertions.assertThat;

import com.loyalty.dev.wechat.FakeWeChatServer;
import com.loyalty.dev.sms.FakeSmsServer;
import com.loyalty.support.IntegrationTest;
import com.loyalty.support.Till;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/** The wake-up chain, birthdays and repurchase reminders, run day by day on the injected clock. */
class AutomationTest extends IntegrationTest {

    @Autowired
    FakeWeChatServer weChat;

    @Autowired
    FakeSmsServer sms;

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final LocalDate DAY_0 = LocalDate.of(2027, 1, 4);

    @AfterEach
    void rulesBackToMessagesOnly() {
        for (String rule : List.of("DORMANT_30", "DORMANT_60", "BIRTHDAY", "REPURCHASE")) {
            rule(Map.of("rule", rule, "clearPack", true, "enabled", true));
        }
    }

    @Test
    void dormantMembersGetA30DayCouponThenA60DayPackThenAStoreCall() {
        String pack30 = pack("回店礼券", 1);
        String pack60 = pack("回流专属券包", 2);
        rule(Map.of("rule", "DORMANT_30", "packId", pack30));
        rule(Map.of("rule", "DORMANT_60", "packId", pack60));
        String store = createStore("wake");
        String clerkName = createStaff(store, "CLERK");
        String name = unique("sleepy");
        setDay(0);
        String member = idOf(member(name));
        new Till(staff(clerkName, STAFF_PASSWORD)).buy(member, unique("o"), 9000,
                Map.of("items", List.of(Map.of("sku", "tea", "name", "乌龙茶", "quantity", 3, "unitPriceCents", 3000))));

        runOn(29);
        assertThat(coupons(name)).isZero();
        assertThat(messages(member, "DORMANT_30")).isEmpty();

        runOn(30);
        runOn(30);
        assertThat(coupons(name)).as("one 30-day coupon, however often the job runs").isEqualTo(1);
        assertThat(messages(member, "DORMANT_30")).singleElement().asString().contains("乌龙茶");

        runOn(60);
        assertThat(coupons(name)).isEqualTo(3);
        assertThat(messages(member, "DORMANT_60")).hasSize(1);

        runOn(66);
        HttpGraphQlTester clerk = staff(clerkName, STAFF_PASSWORD);
        assertThat(callsFor(clerk, member)).isEmpty();
        runOn(67);
        runOn(67);
        clerk = staff(clerkName, STAFF_PASSWORD);
        List<Map> calls = callsFor(clerk, member);
        assertThat(calls).singleElement().satisfies(call -> {
            assertThat(call.get("status")).isEqualTo("OPEN");
            assertThat(call.get("dueOn")).isEqualTo(DAY_0.plusDays(67).toString());
        });
        assertThat(callsFor(newStaff(createStore("other"), "CLERK"), member)).as("other stores' staff").isEmpty();

        clerk.documentName("updateFollowUpTask").variable("input", Map.of("taskId", calls.get(0).get("id"),
                        "status", "REACHED", "note", "会员下周到店")).execute()
                .path("updateFollowUpTask.task.status").entity(String.class).isEqualTo("REACHED");
        assertThat(db.sql("select count(*) as n from staff_audit where action = 'FOLLOW_UP_REACHED' and member_id = :m")
                .bind("m", Long.parseLong(member)).map(row -> row.get("n", Long.class)).one().block()).isEqualTo(1);
    }

    @Test
    void aWakeUpGoesBySmsToAMemberWhoConsentsToMarketingAndNeverAsAWeChatSubscribeMessage() {
        String clerk = createStaff(createStore("sms-wake"), "CLERK");
        setDay(0);
        String keenName = unique("keen-sleeper");
        HttpGraphQlTester keen = member(keenName);
        String keenPhone = bindFreshPhone(keen);
        // subscribing to the service reminders does not let marketing through WeChat
        keen.documentName("grantSubscribeConsent")
                .variable("templateIds", List.of("test-tmpl-points-expiring", "test-tmpl-coupon-expiring")).execute()
                .path("grantSubscribeConsent.userErrors").entityList(Object.class).hasSize(0);
        HttpGraphQlTester shy = member(unique("shy-sleeper"));
        String shyPhone = bindFreshPhone(shy);
        shy.documentName("updateConsents").variable("input", Map.of("marketing", false)).execute()
                .path("updateConsents.consents.marketing").entity(Boolean.class).isEqualTo(false);
        String shyId = idOf(shy);
        for (String member : List.of(idOf(keen), shyId)) {
            new Till(staff(clerk, STAFF_PASSWORD)).buy(member, unique("o"), 9000, Map.of("items",
                    List.of(Map.of("sku", "tea", "name", "乌龙茶", "quantity", 3, "unitPriceCents", 3000))));
        }

        runOn(30);
        admin().documentName("runJob").variable("job", "SEND_NOTIFICATIONS").execute();

        assertThat(sms.sentTo(keenPhone)).singleElement().satisfies(text -> {
            assertThat(text.template()).isEqualTo("SMS_TEST_DORMANT_30");
            assertThat(text.params().get("message")).contains("乌龙茶");
        });
        assertThat(weChat.sentTo(FakeWeChatServer.openidOf(keenName))).isEmpty();
        assertThat(sms.sentTo(shyPhone)).isEmpty();
        assertThat(messages(shyId, "DORMANT_30")).isEmpty();
    }

    @Test
    void aMemberWhoUsesThePackGetsNoCall() {
        String pack60 = pack("回流专属券包", 1);
        rule(Map.of("rule", "DORMANT_60", "packId", pack60));
        String store = createStore("came-back");
        String clerkName = createStaff(store, "CLERK");
        setDay(0);
        String returner = unique("returner");
        String member = idOf(member(returner));
        new Till(staff(clerkName, STAFF_PASSWORD)).earn(member, unique("o"), 10000);
        runOn(60);
        Long coupon = db.sql("select id from member_coupon where member_id = :m").bind("m", Long.parseLong(member))
                .map(row -> row.get("id", Long.class)).one().block();
        setDay(62);
        new Till(staff(clerkName, STAFF_PASSWORD)).buyPresent(member(returner), unique("o"), 30000,
                        Map.of("couponIds", List.of(coupon)))
                .path("recordPurchase.userErrors").entityList(Object.class).hasSize(0);
        runOn(67);
        assertThat(callsFor(staff(clerkName, STAFF_PASSWORD), member)).isEmpty();
    }

    @Test
    void birthdayMonthBringsTheBirthdayPackOnceAndAGreetingOnTheDay() {
        String pack = pack("生日礼券", 1);
        rule(Map.of("rule", "BIRTHDAY", "packId", pack));
        setDay(0);
        String name = unique("birthday");
        bornOn(member(name), "1990-02-14");
        String member = idOf(member(name));

        runOnDate(LocalDate.of(2027, 1, 31));
        assertThat(coupons(name)).isZero();
        runOnDate(LocalDate.of(2027, 2, 1));
        runOnDate(LocalDate.of(2027, 2, 2));
        assertThat(coupons(name)).isEqualTo(1);
        assertThat(db.sql("select due_at from notification_outbox where member_id = :m and kind = 'BIRTHDAY'")
                .bind("m", Long.parseLong(member)).map(row -> row.get("due_at", Instant.class)).all().collectList().block())
                .containsExactly(LocalDate.of(2027, 2, 14).atTime(10, 0).atZone(SHANGHAI).toInstant());
    }

    @Test
    void rulesSkipMembersWhoWithdrewMarketingConsentAndSaySoInTheirRuns() {
        String pack = pack("七月生日礼", 1);
        rule(Map.of("rule", "BIRTHDAY", "packId", pack));
        setDay(0);
        String keen = unique("keen");
        bornOn(member(keen), "1990-07-14");
        String shy = unique("shy");
        HttpGraphQlTester shyMember = member(shy);
        bornOn(shyMember, "1991-07-20");
        shyMember.documentName("updateConsents").variable("input", Map.of("marketing", false)).execute()
                .path("updateConsents.consents.marketing").entity(Boolean.class).isEqualTo(false);
        String shyId = idOf(shyMember);

        runOnDate(LocalDate.of(2028, 7, 1));

        assertThat(db.sql("select count(*) as n from member_coupon where member_id = :m")
                .bind("m", Long.parseLong(shyId)).map(row -> row.get("n", Long.class)).one().block()).isZero();
        assertThat(messages(shyId, "BIRTHDAY")).isEmpty();
        assertThat(db.sql("select count(*) as n from member_coupon where member_id = :m")
                .bind("m", Long.parseLong(idOf(member(keen)))).map(row -> row.get("n", Long.class)).one().block())
                .isEqualTo(1);
        admin().document("{ automationRules { rule lastRuns { asOf acted skippedNoConsent } } }").execute()
                .path("automationRules[?(@.rule == 'BIRTHDAY')].lastRuns[0].skippedNoConsent")
                .entityList(Integer.class).containsExactly(1);
    }

    @Test
    void repurchaseReminderComesWhenTheUsualIntervalIsAboutToPass() {
        String clerkName = createStaff(createStore("pets"), "CLERK");
        String member = idOf(member(unique("catowner")));
        for (int day : new int[] {0, 21, 42}) {
            setDay(day);
            new Till(staff(clerkName, STAFF_PASSWORD)).buy(member, unique("o"), 20000, Map.of("items",
                    List.of(Map.of("sku", "cat", "name", "猫粮", "category", "宠物食品", "quantity", 1, "unitPriceCents", 20000))));
        }
        // usual interval 21 days; 120% of it is 25 days after the last purchase (day 67)
        runOn(66);
        assertThat(messages(member, "REPURCHASE")).isEmpty();
        runOn(67);
        runOn(68);
        assertThat(messages(member, "REPURCHASE")).singleElement().asString().contains("宠物食品");
    }

    @Test
    void rulesReportHowManyMembersTheyActedOnAndOnlyManagersTuneThem() {
        runOn(200);
        admin().document("{ automationRules { rule lastRuns { asOf acted } } }").execute()
                .path("automationRules[?(@.rule == 'DORMANT_30')].lastRuns[0].asOf")
                .entityList(String.class).containsExactly(DAY_0.plusDays(200).toString());
        newStaff(createStore("clerk"), "CLERK").documentName("updateAutomationRule")
                .variable("input", Map.of("rule", "DORMANT_30", "enabled", false)).execute()
                .errors().expect(e -> "FORBIDDEN".equals(e.getExtensions().get("classification"))).verify();
        admin().documentName("updateAutomationRule").variable("input", Map.of("rule", "DORMANT_30", "threshold", -1))
                .execute().path("updateAutomationRule.userErrors[0].field").entityList(String.class)
                .containsExactly("input", "threshold");
    }

    @Test
    void aRuleWhosePackIsArchivedSkipsMembersAndCountsThemUntilThePackIsBack() {
        String pack = pack("九月生日礼", 1);
        rule(Map.of("rule", "BIRTHDAY", "packId", pack));
        setDay(0);
        String name = unique("september");
        bornOn(member(name), "1990-09-14");
        admin().document("mutation($p: ID!) { archiveCouponPack(input: { packId: $p }) { userErrors { code } } }")
                .variable("p", pack).execute().path("archiveCouponPack.userErrors").entityList(Object.class).hasSize(0);

        runOnDate(LocalDate.of(2029, 9, 1));
        assertThat(coupons(name)).isZero();
        admin().document("{ automationRule(rule: BIRTHDAY) { lastRuns { acted skippedPackArchived } } }").execute()
                .path("automationRule.lastRuns[0].acted").entity(Integer.class).isEqualTo(0)
                .path("automationRule.lastRuns[0].skippedPackArchived").entity(Integer.class).satisfies(n -> assertThat(n).isPositive());
        admin().documentName("updateAutomationRule").variable("input", Map.of("rule", "DORMANT_30", "packId", pack))
                .execute().path("updateAutomationRule.userErrors[0].code").entity(String.class).isEqualTo("COUPON_ARCHIVED");

        admin().document("mutation($p: ID!) { unarchiveCouponPack(input: { packId: $p }) { userErrors { code } } }")
                .variable("p", pack).execute();
        runOnDate(LocalDate.of(2029, 9, 2));
        assertThat(coupons(name)).isEqualTo(1);
    }

    @Test
    void aRuleIsReadByNameAndItsChangesAreAuditedWithBeforeAndAfter() {
        HttpGraphQlTester manager = newStaff(createStore(unique("rules")), "STORE_MANAGER");
        GraphQlTester.Response current = manager.document("{ automationRule(rule: REPURCHASE) { id threshold } }").execute();
        String id = current.path("automationRule.id").entity(String.class).get();
        int threshold = current.path("automationRule.threshold").entity(Integer.class).get();
        rule(Map.of("rule", "REPURCHASE", "threshold", threshold == 85 ? 86 : 85, "enabled", false));
        admin().document("{ automationRules(enabled: false) { rule } }").execute()
                .path("automationRules[*].rule").entityList(String.class).contains("REPURCHASE").doesNotContain("DORMANT_30");
        admin().document("query($id: ID!) { staffActions(subject: \"AUTOMATION_RULE\", subjectId: $id) { "
                        + "edges { node { action before after } } } }").variable("id", id).execute()
                .path("staffActions.edges[0].node.action").entity(String.class).isEqualTo("UPDATE_AUTOMATION_RULE")
                .path("staffActions.edges[0].node.before").entity(String.class)
                .satisfies(b -> assertThat(b).contains("\"enabled\": true"))
                .path("staffActions.edges[0].node.after").entity(String.class)
                .satisfies(a -> assertThat(a).contains("\"enabled\": false"));
        rule(Map.of("rule", "REPURCHASE", "threshold", threshold));
    }

    private static void bornOn(HttpGraphQlTester member, String birthday) {
        member.documentName("updateProfile").variable("input", Map.of("birthday", birthday)).execute()
                .path("updateProfile.userErrors").entityList(Object.class).hasSize(0);
    }

    private void rule(Map<String, Object> input) {
        admin().documentName("updateAutomationRule").variable("input", input).execute()
                .path("updateAutomationRule.userErrors").entityList(Object.class).hasSize(0);
    }

    private String pack(String name, int quantity) {
        String template = admin().documentName("createCouponTemplate").variable("input", Map.of("name", name,
                        "kind", "AMOUNT_OFF", "amountOffCents", 2_000, "thresholdCents", 10_000, "validDays", 40,
                        "perMemberLimit", 10))
                .execute().path("createCouponTemplate.template.id").entity(String.class).get();
        return admin().document("mutation($t: ID!, $n: String!, $q: Int!) { createCouponPack(input: { name: $n, "
                        + "items: [{ templateId: $t, quantity: $q }] }) { pack { id } } }")
                .variable("t", template).variable("n", unique(name)).variable("q", quantity).execute()
                .path("createCouponPack.pack.id").entity(String.class).get();
    }

    private void setDay(int day) {
        clock.setTo(DAY_0.plusDays(day).atTime(12, 0).atZone(SHANGHAI).toInstant());
    }

    private void runOn(int day) {
        runOnDate(DAY_0.plusDays(day));
    }

    private void runOnDate(LocalDate date) {
        clock.setTo(date.atTime(10, 0).atZone(SHANGHAI).toInstant());
        admin().documentName("runJob").variable("job", "AUTOMATION").variable("asOf", date.toString()).execute()
                .path("runJob.summary").entity(String.class).satisfies(s -> assertThat(s).contains("acted on"));
    }

    private int coupons(String name) {
        return member(name).documentName("myCoupons").execute().path("me.coupons.totalCount").entity(Integer.class).get();
    }

    private List<String> messages(String memberId, String kind) {
        return db.sql("select payload from notification_outbox where member_id = :m and kind = :k")
                .bind("m", Long.parseLong(memberId)).bind("k", kind)
                .map(row -> row.get("payload", String.class)).all().collectList().block();
    }

    private static List<Map> callsFor(HttpGraphQlTester staff, String memberId) {
        return staff.documentName("followUpTasks").execute().path("followUpTasks.edges[*].node").entityList(Map.class)
                .get().stream().filter(n -> memberId.equals(((Map<?, ?>) n.get("member")).get("id"))).toList();
    }
}
