package com.loyalty.programme;

import static org.assertj.core.api.Assertions.assertThat;

import com.loyalty.shared.config.BrandProperties;
import com.loyalty.support.IntegrationTest;
import com.loyalty.support.SecondInstance;
import com.loyalty.support.Till;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/**
 * The programme's rules as versions: what anyone reads, what an admin schedules, and that orders
 * keep the rules of their time (never retroactive), on every instance.
 */
class ProgramRulesTest extends IntegrationTest {

    /** A Thursday, not a member day (the 8th). */
    static final Instant TODAY = OffsetDateTime.parse("2026-12-10T10:00:00+08:00").toInstant();
    static final Instant TOMORROW = OffsetDateTime.parse("2026-12-11T00:00:00+08:00").toInstant();

    @Autowired
    ProgramRulesCache cache;

    @Autowired
    BrandProperties brand;

    @Autowired
    org.springframework.context.ApplicationContext context;

    /** Version 1 only, here and on every instance: before (another test may have left a cancelled one) and after. */
    @org.junit.jupiter.api.BeforeEach
    @AfterEach
    void backToTheFirstVersion() {
        clock.reset();
        ProgramRulesForTests.backToTheFirstVersion(context);
    }

    @Test
    void anyoneReadsTheRulesInForceWithoutSigningIn() {
        Map<String, Object> rules = anonymous().documentName("programRules").execute()
                .path("programRules").entity(Map.class).get();

        assertThat(rules).containsEntry("version", 1).containsEntry("pointsPerYuan", 1)
                .containsEntry("pointsPerYuanRedeemed", 100).containsEntry("memberDays", List.of(8))
                .containsEntry("memberDayFactor", 2.0).containsEntry("birthdayPeriod", "MONTH")
                .containsEntry("expiryMonths", 12).containsEntry("tierWindowMonths", 3).containsEntry("tierReviewsBeforeDrop", 3)
                .containsEntry("upcoming", null);
        assertThat((List<Map<String, Object>>) rules.get("tiers")).extracting(t -> t.get("name"))
                .containsExactly("普通", "银卡", "金卡", "黑钻");
        assertThat((List<Map<String, Object>>) rules.get("tiers")).element(2)
                .satisfies(gold -> assertThat(gold).containsEntry("thresholdCents", 80000).containsEntry("pointsMultiplier", 1.5)
                        .containsEntry("priceDiscount", 100));
        assertThat((Map<String, Object>) rules.get("checkIn")).containsEntry("rewards", List.of(1, 2, 3, 4, 5, 6, 10));
        assertThat((Map<String, Object>) rules.get("referral")).containsEntry("firstPurchasePoints", 100);
    }

    @Test
    void aRateChangeScheduledForTomorrowDoesNotChangeTodaysOrders() {
        clock.setTo(TODAY);
        String name = unique("rate");
        String memberId = idOf(member(name));
        String store = createStore("rate");
        Till till = new Till(newStaff(store, "CLERK"));
        Map<String, Object> rules = rulesInput();
        rules.put("pointsPerYuan", 2);

        int v2 = schedule(TOMORROW, rules, "双倍积分率").path("scheduleProgramRules.scheduled.version").entity(Integer.class).get();

        Map<String, Object> shown = anonymous().documentName("programRules").execute().path("programRules")
                .entity(Map.class).get();
        assertThat(shown).containsEntry("version", v2 - 1).containsEntry("pointsPerYuan", 1);
        assertThat((Map<String, Object>) shown.get("upcoming")).containsEntry("version", v2).containsEntry("pointsPerYuan", 2);
        till.buy(memberId, "R-1", 10_000).path("recordPurchase.purchase.pointsEarned").entity(Long.class).isEqualTo(100L)
                .path("recordPurchase.purchase.rulesVersion").entity(Integer.class).isEqualTo(v2 - 1);

        clock.setTo(TOMORROW.plus(Duration.ofHours(10)));
        till = new Till(newStaff(store, "CLERK")); // yesterday's sign-in has expired
        till.buy(memberId, "R-2", 10_000).path("recordPurchase.purchase.pointsEarned").entity(Long.class).isEqualTo(200L)
                .path("recordPurchase.purchase.rulesVersion").entity(Integer.class).isEqualTo(v2)
                .path("recordPurchase.purchase.earnBreakdown[0].points").entity(Long.class).isEqualTo(200L);
        // an order of yesterday entered today earns as yesterday's rules said
        till.buy(memberId, "R-3", 10_000, Map.of("occurredAt", "2026-12-10T18:00:00+08:00"))
                .path("recordPurchase.purchase.pointsEarned").entity(Long.class).isEqualTo(100L)
                .path("recordPurchase.purchase.rulesVersion").entity(Integer.class).isEqualTo(v2 - 1);
        anonymous().documentName("programRules").execute().path("programRules.version").entity(Integer.class).isEqualTo(v2)
                .path("programRules.upcoming").valueIsNull();
        member(name).documentName("myPoints").execute().path("me.pointsBalance").entity(Long.class).isEqualTo(400L);
    }

    @Test
    void goldMembersGetTheirTierDiscountAtTheTill() {
        clock.setTo(TODAY);
        Map<String, Object> rules = rulesInput();
        tier(rules, 2).put("priceDiscount", 95);
        schedule(null, rules, "金卡 95 折").path("scheduleProgramRules.userErrors").entityList(Object.class).hasSize(0);
        HttpGraphQlTester member = member(unique("gold"));
        String memberId = idOf(member);
        Till till = new Till(newStaff(createStore("gold"), "CLERK"));

        till.buy(memberId, "G-1", 240_000).path("recordPurchase.purchase.tierDiscountCents").entity(Long.class).isEqualTo(0L);
        member.documentName("myTier").execute().path("me.tier.name").entity(String.class).isEqualTo("金卡");

        till.buy(memberId, "G-2", 10_000)
                .path("recordPurchase.purchase.tierDiscountCents").entity(Long.class).isEqualTo(500L)
                .path("recordPurchase.purchase.paidCents").entity(Long.class).isEqualTo(9_500L)
                // 95 base, x1.5 for 金卡
                .path("recordPurchase.purchase.pointsEarned").entity(Long.class).isEqualTo(142L);
        anonymous().documentName("programRules").execute().path("programRules.tiers[2].priceDiscount")
                .entity(Integer.class).isEqualTo(95);
    }

    @Test
    void skuAndCategoryMultipliersEarnOnTheirItemsShare() {
        clock.setTo(TODAY);
        Map<String, Object> rules = rulesInput();
        rules.put("categoryMultipliers", List.of(Map.of("key", "护肤", "factor", 2.0)));
        rules.put("skuMultipliers", List.of(Map.of("key", "SKU-3X", "factor", 3.0)));
        schedule(null, rules, "护肤双倍").path("scheduleProgramRules.userErrors").entityList(Object.class).hasSize(0);
        String memberId = idOf(member(unique("sku")));
        Till till = new Till(newStaff(createStore("sku"), "CLERK"));

        till.buy(memberId, "S-1", 30_000, Map.of("items", List.of(
                        Map.of("sku", "A", "name", "面霜", "category", "护肤", "quantity", 1, "unitPriceCents", 10_000),
                        Map.of("sku", "SKU-3X", "name", "精华", "category", "护肤", "quantity", 1, "unitPriceCents", 10_000),
                        Map.of("sku", "B", "name", "毛巾", "quantity", 1, "unitPriceCents", 10_000))))
                // base 300; the cream's 100 doubled (+100), the serum's 100 tripled (+200)
                .path("recordPurchase.purchase.pointsEarned").entity(Long.class).isEqualTo(600L)
                .path("recordPurchase.purchase.earnBreakdown[*].rule").entityList(String.class)
                .containsExactly("BASE", "SKU", "CATEGORY");
    }

    @Test
    @SuppressWarnings("unchecked")
    void checkInsAndPointsExpiryFollowTheVersionInForceWhenTheyHappen() {
        clock.setTo(TODAY);
        String name = unique("expiry");
        HttpGraphQlTester member = member(name);
        String memberId = idOf(member);
        Till till = new Till(newStaff(createStore("expiry"), "CLERK"));
        till.buy(memberId, "X-1", 10_000).path("recordPurchase.userErrors").entityList(Object.class).hasSize(0);
        Map<String, Object> rules = rulesInput();
        rules.put("expiryMonths", 6);
        ((Map<String, Object>) rules.get("checkIn")).put("rewards", List.of(7));
        schedule(null, rules, "积分 6 个月有效，签到 7 分").path("scheduleProgramRules.userErrors").entityList(Object.class)
                .hasSize(0);

        member.documentName("checkIn").execute().path("checkIn.checkIn.points").entity(Long.class).isEqualTo(7L);
        till.buy(memberId, "X-2", 10_000).path("recordPurchase.userErrors").entityList(Object.class).hasSize(0);

        List<Map<String, Object>> history = member.documentName("myPoints").execute()
                .path("me.pointsHistory.edges[*].node").entityList(Map.class).get().stream()
                .map(node -> (Map<String, Object>) node).toList();
        assertThat(history).filteredOn(node -> "X-2".equals(node.get("orderNo"))).singleElement()
                .satisfies(node -> assertThat(Instant.parse((String) node.get("expiresAt")))
                        .as("earned under version 2: end of the 6th month after").isEqualTo(
                                OffsetDateTime.parse("2027-06-30T23:59:59+08:00").toInstant()));
        assertThat(history).filteredOn(node -> "X-1".equals(node.get("orderNo"))).singleElement()
                .satisfies(node -> assertThat(Instant.parse((String) node.get("expiresAt")))
                        .as("earned before it: as version 1 said").isEqualTo(
                                OffsetDateTime.parse("2027-12-31T23:59:59+08:00").toInstant()));
    }

    @Test
    void schedulingIsCheckedFieldByFieldAndAgainstTheNewestVersion() {
        clock.setTo(TODAY);
        Map<String, Object> rules = rulesInput();
        int latest = currentVersion();

        schedule(TODAY.minus(Duration.ofHours(1)), rules, "过去").path("scheduleProgramRules.userErrors[0].code")
                .entity(String.class).isEqualTo("EFFECTIVE_TIME_IN_PAST");
        Map<String, Object> bad = rulesInput();
        tier(bad, 2).put("thresholdCents", 1);
        schedule(TOMORROW, bad, "门槛倒挂").path("scheduleProgramRules.userErrors[0].code").entity(String.class)
                .isEqualTo("INVALID_INPUT")
                .path("scheduleProgramRules.userErrors[0].field").entityList(String.class)
                .containsExactly("input", "rules", "tiers", "2", "thresholdCents");
        Map<String, Object> days = rulesInput();
        days.put("memberDays", List.of(31));
        schedule(TOMORROW, days, "月末").path("scheduleProgramRules.userErrors[0].field").entityList(String.class)
                .containsExactly("input", "rules", "memberDays");

        schedule(TOMORROW, rules, "第一位管理员").path("scheduleProgramRules.userErrors").entityList(Object.class).hasSize(0);
        admin().documentName("scheduleProgramRules").variable("input", Map.of("basedOnVersion", latest,
                        "effectiveFrom", TOMORROW.toString(), "reason", "第二位管理员", "rules", rules)).execute()
                .path("scheduleProgramRules.userErrors[0].code").entity(String.class).isEqualTo("RULES_VERSION_CONFLICT");

        admin().document("""
                        query($v: ID) { staffActions(subject: "PROGRAM_RULES", subjectId: $v, first: 1) {
                          edges { node { action detail } } } }""")
                .variable("v", latest + 1).execute()
                .path("staffActions.edges[0].node.action").entity(String.class).isEqualTo("SCHEDULE_PROGRAM_RULES")
                .path("staffActions.edges[0].node.detail").entity(String.class).isEqualTo("第一位管理员");
    }

    @Test
    void theReviewsBeforeADropAreARuleFrom1To12ThatAVersionLeavingThemOutKeeps() {
        clock.setTo(TODAY);
        // version 1 was stored before this was a rule: it reads as what the review always did
        anonymous().documentName("programRules").execute().path("programRules.tierReviewsBeforeDrop")
                .entity(Integer.class).isEqualTo(3);
        for (int bad : List.of(0, 13)) {
            Map<String, Object> rules = rulesInput();
            rules.put("tierReviewsBeforeDrop", bad);
            schedule(TOMORROW, rules, "降级次数 " + bad)
                    .path("scheduleProgramRules.userErrors[0].code").entity(String.class).isEqualTo("INVALID_INPUT")
                    .path("scheduleProgramRules.userErrors[0].field").entityList(String.class)
                    .containsExactly("input", "rules", "tierReviewsBeforeDrop")
                    .path("scheduleProgramRules.userErrors[0].message").entity(String.class)
                    .isEqualTo("降级所需的连续未达标复核次数需为 1 到 12 次");
        }

        Map<String, Object> two = rulesInput();
        two.put("tierReviewsBeforeDrop", 2);
        schedule(null, two, "连续 2 次未达标降一级").path("scheduleProgramRules.scheduled.rules.tierReviewsBeforeDrop")
                .entity(Integer.class).isEqualTo(2);
        // an edit that leaves the field out (as clients written before it do) keeps 2
        Map<String, Object> leftOut = rulesInput();
        leftOut.remove("tierReviewsBeforeDrop");
        leftOut.put("pointsPerYuan", 2);
        schedule(null, leftOut, "只改积分率").path("scheduleProgramRules.userErrors").entityList(Object.class).hasSize(0)
                .path("scheduleProgramRules.scheduled.rules.tierReviewsBeforeDrop").entity(Integer.class).isEqualTo(2);
        anonymous().documentName("programRules").execute()
                .path("programRules.pointsPerYuan").entity(Long.class).isEqualTo(2L)
                .path("programRules.tierReviewsBeforeDrop").entity(Integer.class).isEqualTo(2);
    }

    @Test
    void aScheduledVersionCanBeCancelledButNotOneInForce() {
        clock.setTo(TODAY);
        int first = currentVersion();
        int scheduled = schedule(TOMORROW, rulesInput(), "试一下").path("scheduleProgramRules.scheduled.version")
                .entity(Integer.class).get();

        admin().documentName("cancelScheduledProgramRules").variable("input", Map.of("version", first, "reason", "撤销"))
                .execute().path("cancelScheduledProgramRules.userErrors[0].field").entityList(String.class)
                .containsExactly("input", "version");
        admin().documentName("cancelScheduledProgramRules").variable("input", Map.of("version", scheduled, "reason", "撤销"))
                .execute().path("cancelScheduledProgramRules.scheduled.status").entity(String.class).isEqualTo("CANCELLED");

        anonymous().documentName("programRules").execute().path("programRules.upcoming").valueIsNull();
        clock.setTo(TOMORROW.plus(Duration.ofHours(1)));
        anonymous().documentName("programRules").execute().path("programRules.version").entity(Integer.class).isEqualTo(first);
        // the next version is based on the one in force again
        schedule(null, rulesInput(), "重新安排").path("scheduleProgramRules.scheduled.version").entity(Integer.class)
                .isEqualTo(scheduled + 1);
    }

    @Test
    void adminsAndMarketersReadTheHistoryNewestFirst() {
        clock.setTo(TODAY);
        int first = currentVersion();
        schedule(TOMORROW, rulesInput(), "明年规则").path("scheduleProgramRules.userErrors").entityList(Object.class).hasSize(0);

        newMarketer().documentName("programRulesVersions").variable("first", 1).execute()
                .path("programRulesVersions.totalCount").entity(Integer.class).isEqualTo(first + 1)
                .path("programRulesVersions.edges[0].node.version").entity(Integer.class).isEqualTo(first + 1)
                .path("programRulesVersions.edges[0].node.status").entity(String.class).isEqualTo("SCHEDULED")
                .path("programRulesVersions.edges[0].node.reason").entity(String.class).isEqualTo("明年规则")
                .path("programRulesVersions.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(true);
        String cursor = admin().documentName("programRulesVersions").variable("first", 1).execute()
                .path("programRulesVersions.pageInfo.endCursor").entity(String.class).get();
        admin().documentName("programRulesVersions").variable("first", 1).variable("after", cursor).execute()
                .path("programRulesVersions.edges[0].node.version").entity(Integer.class).isEqualTo(first)
                .path("programRulesVersions.edges[0].node.status").entity(String.class).isEqualTo("IN_FORCE");
        admin().document("query { programRulesVersion(version: 1) { version createdBy status rules { pointsPerYuan } } }")
                .execute().path("programRulesVersion.createdBy").valueIsNull()
                .path("programRulesVersion.rules.pointsPerYuan").entity(Long.class).isEqualTo(1L);
    }

    @Test
    void anotherInstanceSeesANewVersionWithinSeconds() {
        ProgramRulesService elsewhere = SecondInstance.bean(ProgramRulesService.class);
        HttpGraphQlTester second = anonymous().mutate().url("http://127.0.0.1:" + SecondInstance.port() + "/graphql").build();
        int before = second.documentName("programRules").execute().path("programRules.version").entity(Integer.class).get();
        Map<String, Object> rules = rulesInput();
        rules.put("pointsPerYuan", 3);

        schedule(null, rules, "三倍").path("scheduleProgramRules.userErrors").entityList(Object.class).hasSize(0);

        long started = System.nanoTime();
        while (elsewhere.rulesAt(clock.instant()).version() == before && System.nanoTime() - started < 5_000_000_000L) {
            sleep(50);
        }
        assertThat(elsewhere.rulesAt(clock.instant()).pointsPerYuan()).as("the second instance's rules").isEqualTo(3);
        second.documentName("programRules").execute().path("programRules.pointsPerYuan").entity(Long.class).isEqualTo(3L);
    }

    @Test
    void aVersionTakesEffectAtItsTimeAndTheTierTableFollows() {
        clock.setTo(TODAY);
        Map<String, Object> rules = rulesInput();
        tier(rules, 1).put("name", "白银");
        schedule(TOMORROW, rules, "银卡改名").path("scheduleProgramRules.userErrors").entityList(Object.class).hasSize(0);
        assertThat(tierName(1)).isEqualTo("银卡");

        clock.setTo(TOMORROW.plus(Duration.ofMinutes(1)));
        long started = System.nanoTime();
        while (!tierName(1).equals("白银") && System.nanoTime() - started < 10_000_000_000L) {
            sleep(100);
        }
        assertThat(tierName(1)).as("the tier table, a few seconds after the version took effect").isEqualTo("白银");
        anonymous().documentName("programRules").execute().path("programRules.tiers[1].name").entity(String.class)
                .isEqualTo("白银");
    }

    private String tierName(int level) {
        return db.sql("select name from tier where brand_id = :b and level = :l").bind("b", brand.id()).bind("l", level)
                .map(row -> row.get("name", String.class)).one().block();
    }

    private int currentVersion() {
        return anonymous().documentName("programRules").execute().path("programRules.version").entity(Integer.class).get();
    }

    private org.springframework.graphql.test.tester.GraphQlTester.Response schedule(Instant from, Map<String, Object> rules,
                                                                                     String reason) {
        return ProgramRulesForTests.schedule(admin(), context, from, edited -> {
            edited.clear();
            edited.putAll(rules);
        }, reason);
    }

    private int newestVersion() {
        return ProgramRulesForTests.newestVersion(context);
    }

    private Map<String, Object> rulesInput() {
        return ProgramRulesForTests.rulesInForce(anonymous());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> tier(Map<String, Object> rules, int level) {
        return ((List<Map<String, Object>>) rules.get("tiers")).get(level);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
