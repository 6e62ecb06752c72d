package com.loyalty.stamp;

import static org.assertj.core.api.Assertions.assertThat;

import com.loyalty.support.IntegrationTest;
import com.loyalty.support.Till;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/**
 * Stamp cards through the API: a store's (or a category's) card, purchases at its till, refunds,
 * and what the member and the console see; the books checked by SQL afterwards.
 */
class StampCardTest extends IntegrationTest {

    private static final String STOP = "mutation($id: ID!) { stopStampCard(input: { id: $id }) { stampCard { status } userErrors { code } } }";
    private static final String PAUSE = "mutation($id: ID!) { pauseStampCard(input: { id: $id }) { stampCard { status } userErrors { code message } } }";
    private static final String RESUME = "mutation($id: ID!) { resumeStampCard(input: { id: $id }) { stampCard { status } userErrors { code message } } }";

    /** Brand-wide cards made by a test would stamp other tests' orders: every card still collecting is stopped. */
    @AfterEach
    void stopTheCards() {
        db.sql("update stamp_card set status = 'STOPPED' where status <> 'STOPPED'").then().block();
    }

    @Test
    void twentyPurchasesRecordedInParallelFillExactlyFourCardsOfFiveAndGiveFourRewards() {
        String store = createStore("集章店");
        String card = card(admin(), Map.of("storeId", store, "stampsNeeded", 5, "minPaidCents", 1_000, "rewardPoints", 100));
        HttpGraphQlTester member = memberOf(store, unique("collector"));
        String memberId = idOf(member);
        Till till = new Till(newStaff(store, "CLERK"));
        String prefix = unique("P");

        List<Long> earned = inParallel(20, i -> till.earn(memberId, prefix + "-" + i, 2_000));

        long pointsFromOrders = earned.stream().mapToLong(Long::longValue).sum();
        member.documentName("myStampCards").execute()
                .path("myStampCards[?(@.cardId == '" + card + "')].completedCount").entityList(Long.class).containsExactly(4L)
                .path("myStampCards[?(@.cardId == '" + card + "')].stamps").entityList(Integer.class).containsExactly(0);
        member.document("{ me { pointsBalance } }").execute()
                .path("me.pointsBalance").entity(Long.class).isEqualTo(pointsFromOrders + 4 * 100);
        Map<String, Long> books = db.sql("""
                        select (select count(*) from stamp s where s.card_id = :card) as stamps,
                               (select count(distinct s.purchase_id) from stamp s where s.card_id = :card) as orders,
                               (select count(*) from member_stamp_card m where m.card_id = :card and m.status = 'COMPLETED'
                                  and m.stamps = 5 and m.reward_entry_id is not null) as filled,
                               (select count(*) from member_stamp_card m where m.card_id = :card and m.status <> 'COMPLETED'
                                  and m.stamps > 0) as partial,
                               (select count(*) from points_ledger l where l.member_id = :member and l.kind = 'STAMP_CARD') as rewards,
                               (select coalesce(sum(delta), 0) from points_ledger l where l.member_id = :member
                                  and l.kind = 'STAMP_CARD') as rewarded
                        """)
                .bind("card", Long.parseLong(card)).bind("member", Long.parseLong(memberId))
                .map(row -> Map.of("stamps", row.get("stamps", Long.class), "orders", row.get("orders", Long.class),
                        "filled", row.get("filled", Long.class), "partial", row.get("partial", Long.class),
                        "rewards", row.get("rewards", Long.class), "rewarded", ((Number) row.get("rewarded")).longValue()))
                .one().block();
        assertThat(books).containsEntry("stamps", 20L).containsEntry("orders", 20L).containsEntry("filled", 4L)
                .containsEntry("partial", 0L).containsEntry("rewards", 4L).containsEntry("rewarded", 400L);
    }

    @Test
    void theLastStampsSentInParallelCompleteTheCardOnceAndStartTheNext() {
        String store = createStore("并发店");
        String card = card(admin(), Map.of("storeId", store, "stampsNeeded", 3, "minPaidCents", 500, "rewardPoints", 50));
        HttpGraphQlTester member = memberOf(store, unique("racer"));
        String memberId = idOf(member);
        Till till = new Till(newStaff(store, "CLERK"));
        String prefix = unique("R");
        till.earn(memberId, prefix + "-a", 1_000);
        till.earn(memberId, prefix + "-b", 1_000);

        inParallel(4, i -> till.earn(memberId, prefix + "-c" + i, 1_000));

        // 6 stamps on cards of 3: two cards filled, each rewarded once, nothing left over
        member.documentName("myStampCards").execute()
                .path("myStampCards[?(@.cardId == '" + card + "')].completedCount").entityList(Long.class).containsExactly(2L)
                .path("myStampCards[?(@.cardId == '" + card + "')].stamps").entityList(Integer.class).containsExactly(0);
        assertThat(rewardEntries(memberId)).isEqualTo(2L);
    }

    @Test
    void aReplayedOrAResentOrderAddsNoStamp() {
        String store = createStore("重发店");
        String card = card(admin(), Map.of("storeId", store, "stampsNeeded", 5, "minPaidCents", 500, "rewardPoints", 50));
        HttpGraphQlTester member = memberOf(store, unique("replay"));
        String memberId = idOf(member);
        Till till = new Till(newStaff(store, "CLERK"));
        String order = unique("O");

        till.earn(memberId, order, 1_000);
        till.buy(memberId, order, 1_000).path("recordPurchase.replayed").entity(Boolean.class).isEqualTo(true);
        inParallel(6, i -> till.buy(memberId, order, 1_000).path("recordPurchase.replayed").entity(Boolean.class).get());

        assertThat(stampsOf(memberId, card)).isEqualTo(1);
        assertThat(db.sql("select count(*) as n from stamp where card_id = :c").bind("c", Long.parseLong(card))
                .map(row -> row.get("n", Long.class)).one().block()).isEqualTo(1L);
    }

    @Test
    void aRefundTakesTheStampBackWhileTheCardRunsButNotAfterItIsFilled() {
        String store = createStore("退款店");
        String category = unique("咖啡");
        card(admin(), Map.of("category", category, "stampsNeeded", 2, "rewardPoints", 80));
        String minimum = card(admin(), Map.of("storeId", store, "stampsNeeded", 5, "minPaidCents", 3_000, "rewardPoints", 10));
        HttpGraphQlTester member = memberOf(store, unique("refunder"));
        String memberId = idOf(member);
        Till till = new Till(newStaff(store, "CLERK"));
        String a = unique("A");
        String b = unique("B");
        String c = unique("C");

        buyCategory(till, memberId, a, category, 4_000);
        assertThat(stampsOf(memberId, minimum)).isEqualTo(1);
        // a partial refund that leaves 30 yuan paid keeps the minimum card's stamp
        till.refund(a, a + "-r1", 1_000).path("refundPurchase.userErrors").entityList(Object.class).hasSize(0);
        assertThat(stampsOf(memberId, minimum)).isEqualTo(1);
        // one more yuan back leaves 29 yuan: below the minimum, the stamp goes; the category card keeps it
        till.refund(a, a + "-r2", 100);
        assertThat(stampsOf(memberId, minimum)).isZero();
        assertThat(myCard(member, category)).containsEntry("stamps", 1);
        // refunded in full: the category card's stamp goes too
        till.refund(a, a + "-r3", 2_900);
        assertThat(myCard(member, category)).containsEntry("stamps", 0);

        // filled, then refunded: the reward stays and so does the stamp
        buyCategory(till, memberId, b, category, 1_000);
        buyCategory(till, memberId, c, category, 1_000);
        assertThat(myCard(member, category)).containsEntry("completedCount", 1);
        till.refund(c, c + "-r", 1_000);
        assertThat(myCard(member, category)).containsEntry("completedCount", 1).containsEntry("stamps", 0);
        assertThat(rewardEntries(memberId)).isEqualTo(1L);
    }

    @Test
    void aMembersRunningCardKeepsTheTermsItStartedUnderAndTheNextCardTakesTheNewOnes() {
        String category = unique("面包");
        String card = card(admin(), Map.of("category", category, "stampsNeeded", 3, "rewardPoints", 100));
        String store = createStore("改版店");
        HttpGraphQlTester member = memberOf(store, unique("loyal"));
        String memberId = idOf(member);
        Till till = new Till(newStaff(store, "CLERK"));
        buyCategory(till, memberId, unique("V"), category, 1_000);

        admin().documentName("updateStampCard").variable("input", Map.of("id", card, "stampsNeeded", 2, "rewardPoints", 500))
                .execute().path("updateStampCard.stampCard.version").entity(Integer.class).isEqualTo(2)
                .path("updateStampCard.stampCard.reward").entity(String.class).isEqualTo("奖励 500 积分");

        assertThat(myCard(member, category)).containsEntry("version", 1).containsEntry("stampsNeeded", 3)
                .containsEntry("reward", "奖励 100 积分");
        buyCategory(till, memberId, unique("V"), category, 1_000);
        buyCategory(till, memberId, unique("V"), category, 1_000);
        assertThat(rewardPoints(memberId)).containsExactly(100L);
        // the next card starts under version 2
        buyCategory(till, memberId, unique("V"), category, 1_000);
        assertThat(myCard(member, category)).containsEntry("version", 2).containsEntry("stampsNeeded", 2)
                .containsEntry("stamps", 1);
        buyCategory(till, memberId, unique("V"), category, 1_000);
        assertThat(rewardPoints(memberId)).containsExactlyInAnyOrder(100L, 500L);

        admin().document("query($id: ID!) { staffActions(subject: \"STAMP_CARD\", subjectId: $id) { "
                        + "edges { node { action before after } } } }").variable("id", card).execute()
                .path("staffActions.edges[0].node.action").entity(String.class).isEqualTo("UPDATE_STAMP_CARD")
                .path("staffActions.edges[0].node.after").entity(String.class).satisfies(after -> assertThat(after)
                        .contains("\"stampsNeeded\": 2"))
                .path("staffActions.edges[1].node.action").entity(String.class).isEqualTo("CREATE_STAMP_CARD");
    }

    @Test
    void theHistoryShowsEveryVersionWhatChangedWhoSavedItAndTheCardsStillRunningUnderIt() {
        String category = unique("奶茶");
        HttpGraphQlTester marketer = newMarketer();
        String marketerName = marketer.document("{ currentStaff { username } }").execute()
                .path("currentStaff.username").entity(String.class).get();
        String card = card(marketer, Map.of("name", "集三杯", "category", category, "stampsNeeded", 3, "rewardPoints", 100));
        String store = createStore("历史店");
        HttpGraphQlTester member = memberOf(store, unique("tea"));
        buyCategory(new Till(newStaff(store, "CLERK")), idOf(member), unique("H"), category, 1_000);

        admin().documentName("updateStampCard").variable("input", Map.of("id", card, "name", "集两杯", "stampsNeeded", 2,
                        "rewardPoints", 500, "period", "DAYS", "periodDays", 30))
                .execute().path("updateStampCard.userErrors").entityList(Object.class).hasSize(0);
        // a save that changes nothing but the name is a version too
        admin().documentName("updateStampCard").variable("input", Map.of("id", card, "name", "集两杯送一杯")).execute()
                .path("updateStampCard.stampCard.version").entity(Integer.class).isEqualTo(3);

        var versions = admin().document("""
                        query($id: ID!) { stampCard(id: $id) { version versions { version current effectiveFrom effectiveUntil
                          changedBy { username } name stampsNeeded rule periodText reward changes runningCards } } }""")
                .variable("id", card).execute();
        versions.path("stampCard.versions[*].version").entityList(Integer.class).containsExactly(3, 2, 1)
                .path("stampCard.versions[*].current").entityList(Boolean.class).containsExactly(true, false, false)
                .path("stampCard.versions[0].effectiveUntil").valueIsNull()
                .path("stampCard.versions[0].changes").entityList(String.class).containsExactly("名称：集两杯 → 集两杯送一杯")
                .path("stampCard.versions[0].changedBy.username").entity(String.class).isEqualTo("root-admin")
                .path("stampCard.versions[1].changes").entityList(String.class).containsExactly(
                        "名称：集三杯 → 集两杯", "集章数：3 个 → 2 个", "期限：自然月内（当月底结束） → 首次集章起 30 天内",
                        "奖励：100 积分 → 500 积分")
                .path("stampCard.versions[1].runningCards").entity(Long.class).isEqualTo(0L)
                .path("stampCard.versions[2].changes").entityList(String.class).hasSize(0)
                .path("stampCard.versions[2].changedBy.username").entity(String.class).isEqualTo(marketerName)
                .path("stampCard.versions[2].stampsNeeded").entity(Integer.class).isEqualTo(3)
                .path("stampCard.versions[2].reward").entity(String.class).isEqualTo("奖励 100 积分")
                // the member's card started under version 1 and keeps running under it
                .path("stampCard.versions[2].runningCards").entity(Long.class).isEqualTo(1L);
        String v2From = versions.path("stampCard.versions[1].effectiveFrom").entity(String.class).get();
        versions.path("stampCard.versions[2].effectiveUntil").entity(String.class).isEqualTo(v2From);
    }

    @Test
    void aCardOfTheMonthEndsAtTheMonthsEndAndTheNextOrderStartsAFreshOne() {
        String category = unique("蛋糕");
        String card = card(admin(), Map.of("category", category, "stampsNeeded", 3, "rewardPoints", 100));
        // the card has run since before last month (orders from before a card existed never stamp it)
        db.sql("update stamp_card set created_at = created_at - interval '70 days' where id = :id")
                .bind("id", Long.parseLong(card)).then().block();
        String store = createStore("月卡店");
        HttpGraphQlTester member = memberOf(store, unique("monthly"));
        String memberId = idOf(member);
        Till till = new Till(newStaff(store, "CLERK"));
        ZoneId zone = ZoneId.of("Asia/Shanghai");
        ZonedDateTime lastMonth = ZonedDateTime.now(zone).minusMonths(1).withDayOfMonth(2).withHour(12);

        buyCategoryAt(till, memberId, unique("M"), category, lastMonth.toInstant());
        buyCategoryAt(till, memberId, unique("M"), category, lastMonth.plusDays(1).toInstant());
        buyCategory(till, memberId, unique("M"), category, 1_000);

        Map<String, Object> now = myCard(member, category);
        assertThat(now).containsEntry("stamps", 1).containsEntry("completedCount", 0);
        assertThat(Instant.parse((String) now.get("endsAt")))
                .isEqualTo(ZonedDateTime.now(zone).plusMonths(1).withDayOfMonth(1).toLocalDate().atStartOfDay(zone).toInstant());
        assertThat(rewardEntries(memberId)).isZero();
    }

    @Test
    void anOrderFromBeforeTheCardExistedDoesNotStampIt() {
        String category = unique("冰淇淋");
        String card = card(admin(), Map.of("category", category, "stampsNeeded", 3, "rewardPoints", 100));
        String store = createStore("补录店");
        HttpGraphQlTester member = memberOf(store, unique("late"));
        Till till = new Till(newStaff(store, "CLERK"));

        buyCategoryAt(till, idOf(member), unique("L"), category, Instant.now().minus(java.time.Duration.ofDays(3)));

        assertThat(stampsOf(idOf(member), card)).isZero();
        assertThat(myCard(member, category)).containsEntry("stamps", 0);
    }

    @Test
    void aCouponRewardIsGivenOnceAndASoldOutOneLeavesANoteWithoutFailingThePurchase() {
        String category = unique("奶茶");
        String coupon = template(Map.of("name", "集章好礼"));
        String soldOut = template(Map.of("name", "已抢光", "totalStock", 0));
        card(admin(), Map.of("category", category, "stampsNeeded", 2, "rewardCouponTemplateId", coupon));
        String other = unique("果汁");
        String empty = card(admin(), Map.of("category", other, "stampsNeeded", 2, "rewardCouponTemplateId", soldOut));
        String store = createStore("券奖店");
        HttpGraphQlTester member = memberOf(store, unique("coupons"));
        String memberId = idOf(member);
        Till till = new Till(newStaff(store, "CLERK"));

        assertThat(myCard(member, category)).containsEntry("reward", "奖励「集章好礼」");
        buyCategory(till, memberId, unique("Q"), category, 1_000);
        buyCategory(till, memberId, unique("Q"), category, 1_000);
        buyCategory(till, memberId, unique("Q"), other, 1_000);
        buyCategory(till, memberId, unique("Q"), other, 1_000);

        member.document("{ me { coupons { totalCount edges { node { source template { name } } } } } }").execute()
                .path("me.coupons.totalCount").entity(Integer.class).isEqualTo(1)
                .path("me.coupons.edges[0].node.source").entity(String.class).isEqualTo("REWARD")
                .path("me.coupons.edges[0].node.template.name").entity(String.class).isEqualTo("集章好礼");
        assertThat(db.sql("select reward_note from member_stamp_card where card_id = :c and status = 'COMPLETED'")
                .bind("c", Long.parseLong(empty)).map(row -> row.get("reward_note", String.class)).one().block())
                .startsWith("奖励券未能发放");
    }

    @Test
    void aPausedCardStampsNothingUntilResumedAndAStoppedOneEndsTheRunningCards() {
        String category = unique("甜品");
        String card = card(newMarketer(), Map.of("category", category, "stampsNeeded", 4, "rewardPoints", 100));
        String store = createStore("暂停店");
        HttpGraphQlTester member = memberOf(store, unique("paused"));
        String memberId = idOf(member);
        Till till = new Till(newStaff(store, "CLERK"));
        buyCategory(till, memberId, unique("S"), category, 1_000);

        admin().document(PAUSE).variable("id", card).execute().path("pauseStampCard.stampCard.status").entity(String.class)
                .isEqualTo("PAUSED");
        admin().document(PAUSE).variable("id", card).execute().path("pauseStampCard.userErrors[0].code")
                .entity(String.class).isEqualTo("STAMP_CARD_STATUS_CONFLICT");
        buyCategory(till, memberId, unique("S"), category, 1_000);
        assertThat(myCard(member, category)).containsEntry("stamps", 1).containsEntry("paused", true);

        admin().document(RESUME).variable("id", card).execute().path("resumeStampCard.stampCard.status")
                .entity(String.class).isEqualTo("ACTIVE");
        buyCategory(till, memberId, unique("S"), category, 1_000);
        assertThat(myCard(member, category)).containsEntry("stamps", 2).containsEntry("paused", false);

        admin().document(STOP).variable("id", card).execute().path("stopStampCard.stampCard.status").entity(String.class)
                .isEqualTo("STOPPED");
        admin().document(RESUME).variable("id", card).execute().path("resumeStampCard.userErrors[0].code")
                .entity(String.class).isEqualTo("STAMP_CARD_STATUS_CONFLICT");
        admin().documentName("updateStampCard").variable("input", Map.of("id", card, "name", "再来")).execute()
                .path("updateStampCard.userErrors[0].code").entity(String.class).isEqualTo("STAMP_CARD_STATUS_CONFLICT");
        member.documentName("myStampCards").execute()
                .path("myStampCards[?(@.cardId == '" + card + "')]").entityList(Object.class).hasSize(0);
        assertThat(db.sql("select status from member_stamp_card where card_id = :c").bind("c", Long.parseLong(card))
                .map(row -> row.get("status", String.class)).all().collectList().block()).containsExactly("EXPIRED");
    }

    @Test
    void storeStaffRunOnlyTheirOwnStoresCardsAndMembersAndClerksNone() {
        String storeA = createStore("甲店");
        String storeB = createStore("乙店");
        HttpGraphQlTester managerA = newStaff(storeA, "STORE_MANAGER");
        HttpGraphQlTester managerB = newStaff(storeB, "STORE_MANAGER");
        String brandWide = card(admin(), Map.of("minPaidCents", 100_000, "stampsNeeded", 5, "rewardPoints", 10));
        // a manager's card is their store's, whatever they leave out
        Map<String, Object> ours = managerA.documentName("createStampCard").variable("input", input(Map.of("stampsNeeded", 5,
                        "minPaidCents", 1_000, "rewardPoints", 10))).execute()
                .path("createStampCard.stampCard").entity(Map.class).get();
        assertThat(ours).containsEntry("storeId", storeA);
        String cardA = (String) ours.get("id");

        managerA.documentName("createStampCard").variable("input", input(Map.of("storeId", storeB))).execute().errors()
                .expect(e -> "FORBIDDEN".equals(e.getExtensions().get("classification"))).verify();
        managerB.document(PAUSE).variable("id", cardA).execute().path("pauseStampCard.userErrors[0].code")
                .entity(String.class).isEqualTo("STAMP_CARD_NOT_FOUND");
        managerB.documentName("updateStampCard").variable("input", Map.of("id", cardA, "rewardPoints", 99_999)).execute()
                .path("updateStampCard.userErrors[0].code").entity(String.class).isEqualTo("STAMP_CARD_NOT_FOUND");
        managerB.document("query($id: ID!) { stampCard(id: $id) { id } }").variable("id", cardA).execute()
                .path("stampCard").valueIsNull();
        managerB.document(STOP).variable("id", brandWide).execute().errors()
                .expect(e -> "FORBIDDEN".equals(e.getExtensions().get("classification"))).verify();
        newStaff(storeA, "CLERK").document(PAUSE).variable("id", cardA).execute().errors()
                .expect(e -> "FORBIDDEN".equals(e.getExtensions().get("classification"))).verify();
        member(unique("nosy")).document(STOP).variable("id", cardA).execute().errors()
                .expect(e -> "FORBIDDEN".equals(e.getExtensions().get("classification"))).verify();
        managerB.document("{ stampCards(first: 100) { totalCount edges { node { id } } } }").execute()
                .path("stampCards.edges[*].node.id").entityList(String.class).doesNotContain(cardA).contains(brandWide);

        managerA.document(PAUSE).variable("id", cardA).execute().path("pauseStampCard.stampCard.status")
                .entity(String.class).isEqualTo("PAUSED");
        admin().document("{ stampCards(filter: { status: PAUSED }, first: 100) { totalCount edges { node { id stats { running } } } } }")
                .execute().path("stampCards.edges[*].node.id").entityList(String.class).contains(cardA);
    }

    @Test
    void absurdTermsGetClearErrorsOnTheirField() {
        Map<Map<String, Object>, String> wrong = new java.util.LinkedHashMap<>();
        wrong.put(Map.of("stampsNeeded", 0), "stampsNeeded");
        wrong.put(Map.of("stampsNeeded", 1_000_000), "stampsNeeded");
        wrong.put(Map.of("minPaidCents", -5), "minPaidCents");
        wrong.put(Map.of("minPaidCents", Long.MAX_VALUE), "minPaidCents");
        wrong.put(Map.of("name", "长".repeat(41)), "name");
        wrong.put(Map.of("name", "   "), "name");
        wrong.put(Map.of("category", " "), "category");
        wrong.put(Map.of("period", "DAYS"), "periodDays");
        wrong.put(Map.of("period", "DAYS", "periodDays", 100_000), "periodDays");
        wrong.put(Map.of("periodDays", 7), "periodDays");
        wrong.put(Map.of("rewardPoints", 1_000_000_000_000L), "rewardPoints");
        wrong.put(Map.of("rewardPoints", -1), "rewardPoints");
        wrong.put(Map.of("rewardCouponTemplateId", "5", "rewardPoints", 100), "rewardPoints");
        for (Map.Entry<Map<String, Object>, String> bad : wrong.entrySet()) {
            admin().documentName("createStampCard").variable("input", input(bad.getKey())).execute()
                    .path("createStampCard.stampCard").valueIsNull()
                    .path("createStampCard.userErrors[0].code").entity(String.class).isEqualTo("INVALID_INPUT")
                    .path("createStampCard.userErrors[0].field").entityList(String.class)
                    .satisfies(field -> assertThat(field).as(bad.getKey().toString()).containsExactly("input", bad.getValue()))
                    .path("createStampCard.userErrors[0].message").entity(String.class)
                    .satisfies(message -> assertThat(message).isNotBlank());
        }
        Map<String, Object> noCondition = input(Map.of());
        noCondition.remove("minPaidCents");
        admin().documentName("createStampCard").variable("input", noCondition).execute()
                .path("createStampCard.userErrors[0].field").entityList(String.class).containsExactly("input", "category");
        Map<String, Object> unknownCoupon = input(Map.of("rewardCouponTemplateId", "987654321"));
        unknownCoupon.remove("rewardPoints");
        admin().documentName("createStampCard").variable("input", unknownCoupon).execute()
                .path("createStampCard.userErrors[0].code").entity(String.class).isEqualTo("COUPON_NOT_FOUND");
        admin().documentName("createStampCard").variable("input", input(Map.of("storeId", "987654321"))).execute()
                .path("createStampCard.userErrors[0].code").entity(String.class).isEqualTo("STORE_NOT_FOUND");
        admin().document(PAUSE).variable("id", "987654321").execute()
                .path("pauseStampCard.userErrors[0].code").entity(String.class).isEqualTo("STAMP_CARD_NOT_FOUND");
        admin().document("{ stampCards(first: 5, after: \"bm9wZQ\") { totalCount } }").execute().errors()
                .expect(e -> "BAD_REQUEST".equals(e.getExtensions().get("classification"))).verify();
        assertThat(db.sql("select count(*) as n from stamp_card_version where name = :n").bind("n", "长".repeat(41))
                .map(row -> row.get("n", Long.class)).one().block()).isZero();
    }

    // ---- helpers

    private static Map<String, Object> input(Map<String, Object> overrides) {
        Map<String, Object> in = new HashMap<>(Map.of("name", "集五杯送一杯", "stampsNeeded", 5, "minPaidCents", 1_000,
                "period", "CALENDAR_MONTH", "rewardPoints", 100));
        in.putAll(overrides);
        if (overrides.containsKey("category") && !overrides.containsKey("minPaidCents")) {
            in.remove("minPaidCents");
        }
        if (overrides.containsKey("rewardCouponTemplateId") && !overrides.containsKey("rewardPoints")) {
            in.remove("rewardPoints");
        }
        return in;
    }

    private String card(HttpGraphQlTester who, Map<String, Object> overrides) {
        Map<String, Object> in = input(overrides);
        if (!overrides.containsKey("minPaidCents")) {
            in.remove("minPaidCents");
        }
        return who.documentName("createStampCard").variable("input", in).execute()
                .path("createStampCard.userErrors").entityList(Object.class).hasSize(0)
                .path("createStampCard.stampCard.id").entity(String.class).get();
    }

    private String template(Map<String, Object> overrides) {
        Map<String, Object> input = new HashMap<>(Map.of("kind", "AMOUNT_OFF", "amountOffCents", 500,
                "thresholdCents", 2_000, "validDays", 30));
        input.putAll(overrides);
        return admin().documentName("createCouponTemplate").variable("input", input).execute()
                .path("createCouponTemplate.userErrors").entityList(Object.class).hasSize(0)
                .path("createCouponTemplate.template.id").entity(String.class).get();
    }

    private static void buyCategory(Till till, String memberId, String orderNo, String category, long cents) {
        till.buy(memberId, orderNo, cents, Map.of("items", List.of(line(category, cents))))
                .path("recordPurchase.userErrors").entityList(Object.class).hasSize(0);
    }

    private static void buyCategoryAt(Till till, String memberId, String orderNo, String category, Instant at) {
        till.buy(memberId, orderNo, 1_000, Map.of("items", List.of(line(category, 1_000)), "occurredAt", at.toString()))
                .path("recordPurchase.userErrors").entityList(Object.class).hasSize(0);
    }

    private static Map<String, Object> line(String category, long cents) {
        return Map.of("sku", "SKU-1", "name", category + "一份", "category", category, "quantity", 1, "unitPriceCents", cents);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> myCard(HttpGraphQlTester member, String category) {
        List<Map<String, Object>> cards = member.documentName("myStampCards").execute()
                .path("myStampCards[?(@.rule =~ /.*" + category + ".*/)]").entityList(Map.class).get()
                .stream().map(m -> (Map<String, Object>) m).toList();
        assertThat(cards).hasSize(1);
        return cards.get(0);
    }

    private int stampsOf(String memberId, String card) {
        return db.sql("select coalesce(sum(stamps), 0) as n from member_stamp_card where member_id = :m and card_id = :c"
                        + " and status = 'RUNNING'")
                .bind("m", Long.parseLong(memberId)).bind("c", Long.parseLong(card))
                .map(row -> ((Number) row.get("n")).intValue()).one().block();
    }

    private long rewardEntries(String memberId) {
        return db.sql("select count(*) as n from points_ledger where member_id = :m and kind = 'STAMP_CARD'")
                .bind("m", Long.parseLong(memberId)).map(row -> row.get("n", Long.class)).one().block();
    }

    private List<Long> rewardPoints(String memberId) {
        return db.sql("select delta from points_ledger where member_id = :m and kind = 'STAMP_CARD' order by id")
                .bind("m", Long.parseLong(memberId)).map(row -> row.get("delta", Long.class)).all().collectList().block();
    }
}
