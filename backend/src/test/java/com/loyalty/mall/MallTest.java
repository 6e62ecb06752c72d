package com.loyalty.mall;

import static org.assertj.core.api.Assertions.assertThat;

import com.loyalty.support.IntegrationTest;
import com.loyalty.support.Till;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/** The points mall through the GraphQL API: goods, redemptions, pickups, deliveries, cancellations, expiry. */
class MallTest extends IntegrationTest {

    static final String REDEEM = """
            mutation($input: RedeemMallGoodsInput!) { redeemMallGoods(input: $input) {
              replayed redemption { id state pointsPrice cashCents version pickupCode pickupBy address pickupStoreName name }
              userErrors { field code message } } }""";
    static final String CANCEL = """
            mutation($id: ID!, $reason: String!) { cancelMallRedemption(input: {redemptionId: $id, reason: $reason}) {
              redemption { id state } userErrors { code message } } }""";
    static final String PICKUP = """
            mutation($code: String!) { completeMallPickup(input: {code: $code}) {
              redemption { id state cashCollectedCents memberId } userErrors { field code message } } }""";

    HttpGraphQlTester marketer;
    String store;
    String clerkName;
    HttpGraphQlTester clerk;

    @BeforeEach
    void brand() {
        marketer = newMarketer();
        store = createStore("mall");
        clerkName = createStaff(store, "CLERK");
        clerk = staff(clerkName, STAFF_PASSWORD);
    }

    /** Signs everyone in again after the clock moved past their access tokens' life. */
    private HttpGraphQlTester afterTimePassed(String memberName) {
        clerk = staff(clerkName, STAFF_PASSWORD);
        return member(memberName);
    }

    @Test
    void fiftyMembersRacingForTenUnitsGetExactlyTenAndEveryBalanceStillEqualsItsLedger() {
        String goods = onSale(Map.of("stock", 10, "pointsPrice", 100));
        List<HttpGraphQlTester> members = IntStream.range(0, 50).mapToObj(i -> richMember(300)).toList();

        List<String> outcomes = inParallel(50, i -> outcome(redeem(members.get(i), goods, "k", store)));

        assertThat(outcomes).filteredOn("OK"::equals).hasSize(10);
        assertThat(outcomes).filteredOn("MALL_OUT_OF_STOCK"::equals).hasSize(40);
        assertThat(count("select count(*) as n from mall_redemption where goods_id = " + goods)).isEqualTo(10);
        assertThat(count("select remaining as n from mall_stock where goods_id = " + goods)).isZero();
        assertThat(count("select count(*) as n from points_ledger where kind = 'MALL_REDEEM' and reason like '%" + name(goods) + "'"))
                .isEqualTo(10);
        assertThat(balancesThatDifferFromTheLedger()).isZero();
        for (int i = 0; i < 50; i++) {
            long expected = "OK".equals(outcomes.get(i)) ? 200 : 300;
            members.get(i).document("{ me { pointsBalance } }").execute().path("me.pointsBalance").entity(Long.class)
                    .isEqualTo(expected);
        }
    }

    @Test
    void aMemberRacingThemselvesNeverRedeemsAboveTheirLimit() {
        String goods = onSale(Map.of("stock", 100, "pointsPrice", 10, "limitPerMember", 2));
        HttpGraphQlTester member = richMember(1000);

        List<String> outcomes = inParallel(20, i -> outcome(redeem(member, goods, "k-" + i, store)));

        assertThat(outcomes).filteredOn("OK"::equals).hasSize(2);
        assertThat(outcomes).filteredOn("MALL_LIMIT_REACHED"::equals).hasSize(18);
        member.document("{ me { pointsBalance } }").execute().path("me.pointsBalance").entity(Long.class).isEqualTo(980L);
        assertThat(count("select remaining as n from mall_stock where goods_id = " + goods)).isEqualTo(98);
        member.document("query($id: ID!) { mallItem(id: $id) { forMe { redeemable reason redeemed } } }")
                .variable("id", goods).execute()
                .path("mallItem.forMe.redeemable").entity(Boolean.class).isEqualTo(false)
                .path("mallItem.forMe.reason").entity(String.class).isEqualTo("已达兑换上限")
                .path("mallItem.forMe.redeemed").entity(Integer.class).isEqualTo(2);
    }

    @Test
    void aMonthlyLimitOpensAgainNextMonth() {
        String goods = onSale(Map.of("stock", 100, "pointsPrice", 10, "limitPerMember", 1, "limitPeriod", "MONTH"));
        String name = unique("monthly");
        HttpGraphQlTester member = richMember(name, 1000);

        assertThat(outcome(redeem(member, goods, "m-1", store))).isEqualTo("OK");
        assertThat(outcome(redeem(member, goods, "m-2", store))).isEqualTo("MALL_LIMIT_REACHED");
        clock.advance(Duration.ofDays(32));
        assertThat(outcome(redeem(afterTimePassed(name), goods, "m-3", store))).isEqualTo("OK");
    }

    @Test
    void repeatingTheKeyReturnsTheFirstRedemptionAndTakesNothingTwice() {
        String goods = onSale(Map.of("stock", 5, "pointsPrice", 100));
        HttpGraphQlTester member = richMember(500);

        List<GraphQlTester.Response> answers = inParallel(8, i -> redeem(member, goods, "same", store));

        List<String> ids = answers.stream().map(a -> a.path("redeemMallGoods.redemption.id").entity(String.class).get()).distinct().toList();
        assertThat(ids).hasSize(1);
        assertThat(answers.stream().filter(a -> !a.path("redeemMallGoods.replayed").entity(Boolean.class).get())).hasSize(1);
        member.document("{ me { pointsBalance } }").execute().path("me.pointsBalance").entity(Long.class).isEqualTo(400L);
        assertThat(count("select remaining as n from mall_stock where goods_id = " + goods)).isEqualTo(4);
    }

    @Test
    void aPickupCodeIsShownToTheMemberAndHandedOverAtTheirStoreWithTheCashPartRecorded() {
        String goods = onSale(Map.of("stock", 5, "pointsPrice", 100, "cashCents", 990));
        HttpGraphQlTester member = richMember(500);
        GraphQlTester.Response redeemed = redeem(member, goods, "pick", store);
        String code = redeemed.path("redeemMallGoods.redemption.pickupCode").entity(String.class).get();
        redeemed.path("redeemMallGoods.redemption.state").entity(String.class).isEqualTo("AWAITING_PICKUP")
                .path("redeemMallGoods.redemption.cashCents").entity(Long.class).isEqualTo(990L);
        assertThat(code).matches("[0-9]{12}");

        clerk.document("query($code: String!) { mallPickup(input: {code: $code}) { name pickupCode memberId state } }")
                .variable("code", code).execute()
                .path("mallPickup.state").entity(String.class).isEqualTo("AWAITING_PICKUP")
                .path("mallPickup.pickupCode").valueIsNull();
        clerk.document(PICKUP).variable("code", code).execute()
                .path("completeMallPickup.userErrors").entityList(Object.class).hasSize(0)
                .path("completeMallPickup.redemption.state").entity(String.class).isEqualTo("PICKED_UP")
                .path("completeMallPickup.redemption.cashCollectedCents").entity(Long.class).isEqualTo(990L);
        clerk.document(PICKUP).variable("code", code).execute()
                .path("completeMallPickup.userErrors[0].code").entity(String.class).isEqualTo("MALL_REDEMPTION_CLOSED");
        String clerkId = clerk.documentName("currentStaff").execute().path("currentStaff.id").entity(String.class).get();
        assertThat(auditOf(clerkId, "MALL_PICKUP")).hasSize(1);
        newStaff(store, "STORE_MANAGER").document("query($s: ID) { mallRedemptions(filter: {storeId: $s}) { totalCount edges { node { state cashCollectedCents pickupCode } } } }")
                .variable("s", store).execute()
                .path("mallRedemptions.totalCount").entity(Integer.class).isEqualTo(1)
                .path("mallRedemptions.edges[0].node.cashCollectedCents").entity(Long.class).isEqualTo(990L)
                .path("mallRedemptions.edges[0].node.pickupCode").valueIsNull();
        member.document("{ myMallRedemptions { totalCount edges { node { state pickupCode } } } }").execute()
                .path("myMallRedemptions.edges[0].node.state").entity(String.class).isEqualTo("PICKED_UP")
                .path("myMallRedemptions.edges[0].node.pickupCode").valueIsNull();
    }

    @Test
    void anotherStoresClerkCannotHandOverAPickupOfThisStore() {
        String goods = onSale(Map.of("stock", 5, "pointsPrice", 100));
        HttpGraphQlTester member = richMember(500);
        String code = redeem(member, goods, "other", store).path("redeemMallGoods.redemption.pickupCode").entity(String.class).get();
        HttpGraphQlTester otherClerk = newStaff(createStore("elsewhere"), "CLERK");

        otherClerk.document(PICKUP).variable("code", code).execute()
                .path("completeMallPickup.userErrors[0].code").entity(String.class).isEqualTo("MALL_PICKUP_OTHER_STORE")
                .path("completeMallPickup.redemption").valueIsNull();
        otherClerk.document("{ mallRedemptions { totalCount } }").execute()
                .path("mallRedemptions.totalCount").entity(Integer.class).isEqualTo(0);
        otherClerk.document("query($s: ID!) { mallRedemptions(filter: {storeId: $s}) { totalCount } }").variable("s", store)
                .execute().errors().satisfy(errors -> assertThat(errors).isNotEmpty());
        String id = redeemedId(member);
        otherClerk.document(CANCEL).variable("id", id).variable("reason", "试试").execute()
                .errors().satisfy(errors -> assertThat(errors).isNotEmpty());
        assertThat(stateOf(id)).isEqualTo("AWAITING_PICKUP");
    }

    @Test
    void aMemberCannotSpendForAnotherMemberNorTouchTheirRedemptions() {
        String goods = onSale(Map.of("stock", 5, "pointsPrice", 100));
        HttpGraphQlTester owner = richMember(500);
        redeem(owner, goods, "mine", store);
        String id = redeemedId(owner);
        HttpGraphQlTester thief = richMember(0);

        thief.document(CANCEL).variable("id", id).variable("reason", "不要了").execute()
                .path("cancelMallRedemption.userErrors[0].code").entity(String.class).isEqualTo("MALL_REDEMPTION_NOT_FOUND");
        thief.document("{ myMallRedemptions { totalCount } }").execute()
                .path("myMallRedemptions.totalCount").entity(Integer.class).isEqualTo(0);
        // there is no member to name: redeeming spends the caller's own points only, and staff cannot redeem
        clerk.document(REDEEM).variable("input", Map.of("goodsId", goods, "storeId", store, "idempotencyKey", "x")).execute()
                .errors().satisfy(errors -> assertThat(errors).extracting(e -> e.getErrorType().toString()).contains("FORBIDDEN"));
        owner.document("{ me { pointsBalance } }").execute().path("me.pointsBalance").entity(Long.class).isEqualTo(400L);
        assertThat(stateOf(id)).isEqualTo("AWAITING_PICKUP");
    }

    @Test
    void parallelCancelsGiveThePointsAndTheUnitBackExactlyOnce() {
        String goods = onSale(Map.of("stock", 3, "pointsPrice", 100));
        HttpGraphQlTester member = richMember(500);
        redeem(member, goods, "c", store);
        String id = redeemedId(member);
        HttpGraphQlTester manager = newStaff(store, "STORE_MANAGER");

        List<String> outcomes = inParallel(12, i -> (i % 2 == 0 ? member : manager).document(CANCEL).variable("id", id)
                .variable("reason", "顾客改主意").execute().path("cancelMallRedemption.userErrors[*].code")
                .entityList(String.class).get().stream().findFirst().orElse("OK"));

        assertThat(outcomes).filteredOn("OK"::equals).hasSize(1);
        assertThat(outcomes).filteredOn("MALL_REDEMPTION_CLOSED"::equals).hasSize(11);
        member.document("{ me { pointsBalance } }").execute().path("me.pointsBalance").entity(Long.class).isEqualTo(500L);
        assertThat(count("select count(*) as n from points_ledger where kind = 'MALL_RETURN' and idempotency_key = 'mall-return:" + id + "'"))
                .isEqualTo(1);
        assertThat(count("select remaining as n from mall_stock where goods_id = " + goods)).isEqualTo(3);
        assertThat(balancesThatDifferFromTheLedger()).isZero();
    }

    @Test
    void aCancelRacingAPickupEndsInExactlyOneOutcome() {
        String goods = onSale(Map.of("stock", 20, "pointsPrice", 100));
        HttpGraphQlTester member = richMember(1000);
        for (int round = 0; round < 5; round++) {
            GraphQlTester.Response r = redeem(member, goods, "race-" + round, store);
            String id = r.path("redeemMallGoods.redemption.id").entity(String.class).get();
            String code = r.path("redeemMallGoods.redemption.pickupCode").entity(String.class).get();

            List<String> outcomes = inParallel(8, i -> i % 2 == 0
                    ? first(member.document(CANCEL).variable("id", id).variable("reason", "不要了").execute(), "cancelMallRedemption")
                    : first(clerk.document(PICKUP).variable("code", code).execute(), "completeMallPickup"));

            assertThat(outcomes).filteredOn("OK"::equals).hasSize(1);
            String state = stateOf(id);
            assertThat(state).isIn("CANCELLED", "PICKED_UP");
            long returned = count("select count(*) as n from points_ledger where idempotency_key = 'mall-return:" + id + "'");
            assertThat(returned).isEqualTo("CANCELLED".equals(state) ? 1 : 0);
        }
        long pickedUp = count("select count(*) as n from mall_redemption where goods_id = " + goods + " and state = 'PICKED_UP'");
        assertThat(count("select remaining as n from mall_stock where goods_id = " + goods)).isEqualTo(20 - pickedUp);
        member.document("{ me { pointsBalance } }").execute().path("me.pointsBalance").entity(Long.class)
                .isEqualTo(1000 - 100 * pickedUp);
        assertThat(balancesThatDifferFromTheLedger()).isZero();
    }

    @Test
    void anUnpickedRedemptionExpiresAndTheJobGivesThePointsAndTheUnitBack() {
        String goods = onSale(Map.of("stock", 1, "pointsPrice", 100));
        String name = unique("late");
        HttpGraphQlTester member = richMember(name, 100);
        String code = redeem(member, goods, "late", store).path("redeemMallGoods.redemption.pickupCode").entity(String.class).get();
        String id = redeemedId(member);

        clock.advance(Duration.ofDays(15));
        member = afterTimePassed(name);
        clerk.document(PICKUP).variable("code", code).execute()
                .path("completeMallPickup.userErrors[0].code").entity(String.class).isEqualTo("MALL_REDEMPTION_CLOSED");
        admin().documentName("runJob").variable("job", "MALL_PICKUP_EXPIRY").execute()
                .path("runJob.summary").entity(String.class).satisfies(s -> assertThat(s).startsWith("expired"));
        admin().documentName("runJob").variable("job", "MALL_PICKUP_EXPIRY").execute();

        assertThat(stateOf(id)).isEqualTo("EXPIRED");
        member.document("{ me { pointsBalance } }").execute().path("me.pointsBalance").entity(Long.class).isEqualTo(100L);
        assertThat(count("select count(*) as n from points_ledger where idempotency_key = 'mall-return:" + id + "'")).isEqualTo(1);
        assertThat(count("select remaining as n from mall_stock where goods_id = " + goods)).isEqualTo(1);
    }

    @Test
    void editsMakeANewVersionAndRedemptionsKeepTheTermsTheyWereMadeUnder() {
        String goods = onSale(Map.of("stock", 5, "pointsPrice", 100));
        HttpGraphQlTester member = richMember(1000);
        redeem(member, goods, "v1", store);
        String id = redeemedId(member);

        marketer.document("""
                        mutation($id: ID!) { updateMallGoods(input: {goodsId: $id, pointsPrice: 300, name: "涨价后"}) {
                          goods { version pointsPrice } userErrors { code } } }""").variable("id", goods).execute()
                .path("updateMallGoods.goods.version").entity(Integer.class).isEqualTo(2)
                .path("updateMallGoods.goods.pointsPrice").entity(Long.class).isEqualTo(300L);
        member.document(REDEEM).variable("input", Map.of("goodsId", goods, "storeId", store, "idempotencyKey", "old",
                        "expectedVersion", 1)).execute()
                .path("redeemMallGoods.userErrors[0].code").entity(String.class).isEqualTo("MALL_TERMS_CHANGED");

        member.document("{ myMallRedemptions { edges { node { id version pointsPrice name } } } }").execute()
                .path("myMallRedemptions.edges[0].node.version").entity(Integer.class).isEqualTo(1)
                .path("myMallRedemptions.edges[0].node.pointsPrice").entity(Long.class).isEqualTo(100L);
        member.document(CANCEL).variable("id", id).variable("reason", "退").execute();
        member.document("{ me { pointsBalance } }").execute().path("me.pointsBalance").entity(Long.class).isEqualTo(1000L);
        String marketerId = marketer.documentName("currentStaff").execute().path("currentStaff.id").entity(String.class).get();
        assertThat(auditOf(marketerId, "UPDATE_MALL_GOODS")).hasSize(1);
        assertThat(auditOf(marketerId, "PUBLISH_MALL_GOODS")).hasSize(1);
    }

    @Test
    void eachRefusalSaysWhyAndTakesNothing() {
        String name = unique("poor");
        HttpGraphQlTester poor = richMember(name, 50);
        String pricey = onSale(Map.of("stock", 5, "pointsPrice", 100));
        assertThat(outcome(redeem(poor, pricey, "p", store))).isEqualTo("INSUFFICIENT_POINTS");
        assertThat(count("select remaining as n from mall_stock where goods_id = " + pricey)).isEqualTo(5);

        String tierOnly = onSale(Map.of("stock", 5, "pointsPrice", 10, "minTierLevel", 1));
        assertThat(outcome(redeem(poor, tierOnly, "t", store))).isEqualTo("MALL_TIER_TOO_LOW");

        Instant later = clock.instant().plus(Duration.ofDays(3));
        String early = onSale(Map.of("stock", 5, "pointsPrice", 10, "earlyAccessTierLevel", 1,
                "earlyAccessFrom", clock.instant().minus(Duration.ofHours(1)).toString(), "openFrom", later.toString()));
        assertThat(outcome(redeem(poor, early, "e", store))).isEqualTo("MALL_NOT_OPEN");
        poor.document("query($id: ID!) { mallItem(id: $id) { earlyAccessNow tierOnly forMe { redeemable reason } } }")
                .variable("id", early).execute()
                .path("mallItem.earlyAccessNow").entity(Boolean.class).isEqualTo(true)
                .path("mallItem.forMe.reason").entity(String.class).isEqualTo("尚未开放");
        clock.advance(Duration.ofDays(4));
        poor = afterTimePassed(name);
        marketer = newMarketer();
        assertThat(outcome(redeem(poor, early, "e2", store))).isEqualTo("OK");

        String paused = onSale(Map.of("stock", 5, "pointsPrice", 10));
        marketer.document("mutation($id: ID!) { pauseMallGoods(input: {goodsId: $id}) { userErrors { code } } }")
                .variable("id", paused).execute();
        assertThat(outcome(redeem(poor, paused, "z", store))).isEqualTo("MALL_NOT_ON_SALE");
        assertThat(outcome(redeem(poor, "999999", "n", store))).isEqualTo("MALL_GOODS_NOT_FOUND");
        poor.document(REDEEM).variable("input", Map.of("goodsId", pricey, "idempotencyKey", "no-store")).execute()
                .path("redeemMallGoods.userErrors[0].field").entityList(String.class).containsExactly("input", "storeId");
    }

    @Test
    void aTierMemberRedeemsInEarlyAccessAndIsToldWhenItOpens() {
        HttpGraphQlTester gold = richMember(0);
        new Till(clerk).earn(idOf(gold), unique("big"), 5_000_000);
        Instant later = clock.instant().plus(Duration.ofDays(3));
        String early = onSale(Map.of("stock", 5, "pointsPrice", 10, "earlyAccessTierLevel", 1,
                "earlyAccessFrom", clock.instant().minus(Duration.ofMinutes(1)).toString(), "openFrom", later.toString()));

        admin().documentName("runJob").variable("job", "MALL_EARLY_ACCESS").execute()
                .path("runJob.summary").entity(String.class).satisfies(s -> assertThat(s).startsWith("queued"));
        admin().documentName("runJob").variable("job", "MALL_EARLY_ACCESS").execute();

        assertThat(count("select count(*) as n from notification_outbox where dedupe_key like 'mall-early:" + early
                + ":1:" + idOf(gold) + "'")).isEqualTo(1);
        assertThat(outcome(redeem(gold, early, "first", store))).isEqualTo("OK");
    }

    @Test
    void aDeliveryKeepsTheAddressSealedShowsItMaskedToStaffAndShipsWithATrackingNumber() {
        String goods = onSale(Map.of("stock", 5, "pointsPrice", 100, "fulfilment", "DELIVERY"));
        HttpGraphQlTester member = richMember(500);
        Map<String, Object> address = Map.of("recipient", "王小明", "phone", "13812345678", "region", "上海市徐汇区",
                "detail", "漕溪北路 88 号 1201");

        member.document(REDEEM).variable("input", Map.of("goodsId", goods, "address", address, "idempotencyKey", "d")).execute()
                .path("redeemMallGoods.redemption.state").entity(String.class).isEqualTo("AWAITING_SHIPMENT")
                .path("redeemMallGoods.redemption.address").entity(String.class)
                .isEqualTo("王小明 13812345678 上海市徐汇区 漕溪北路 88 号 1201");
        String id = redeemedId(member);
        assertThat(count("select count(*) as n from mall_redemption where id = " + id
                + " and position(convert_to('13812345678', 'UTF8') in address_cipher) = 0")).isEqualTo(1);

        marketer.document("{ mallRedemptions(filter: {fulfilment: DELIVERY}) { edges { node { id address memberId } } } }").execute()
                .path("mallRedemptions.edges[?(@.node.id == '" + id + "')].node.address").entityList(String.class)
                .containsExactly("王** 138****5678 上海市徐汇区 ****");
        marketer.document("mutation($id: ID!) { shipMallRedemption(input: {redemptionId: $id, trackingNumber: \"SF1234567890\"}) { redemption { state trackingNumber } userErrors { code } } }")
                .variable("id", id).execute()
                .path("shipMallRedemption.redemption.state").entity(String.class).isEqualTo("SHIPPED");
        member.document(CANCEL).variable("id", id).variable("reason", "晚了").execute()
                .path("cancelMallRedemption.userErrors[0].code").entity(String.class).isEqualTo("MALL_REDEMPTION_CLOSED");
        member.document("{ me { pointsBalance } }").execute().path("me.pointsBalance").entity(Long.class).isEqualTo(400L);
    }

    @Test
    void absurdGoodsAndRedemptionsGetClearErrors() {
        assertThat(createError(Map.of("pointsPrice", -5))).containsExactly("pointsPrice", "INVALID_INPUT");
        assertThat(createError(Map.of("stock", 999_999_999))).containsExactly("stock", "INVALID_INPUT");
        assertThat(createError(Map.of("name", "好物\n换行"))).containsExactly("name", "INVALID_INPUT");
        assertThat(createError(Map.of("name", "x".repeat(65)))).containsExactly("name", "INVALID_INPUT");
        assertThat(createError(Map.of("cashCents", 100, "fulfilment", "DELIVERY"))).containsExactly("cashCents", "INVALID_INPUT");
        assertThat(createError(Map.of("limitPerMember", 0))).containsExactly("limitPerMember", "INVALID_INPUT");
        assertThat(createError(Map.of("minTierLevel", 99))).containsExactly("minTierLevel", "INVALID_INPUT");
        assertThat(createError(Map.of("stockScope", "STORE", "fulfilment", "DELIVERY"))).containsExactly("stockScope", "INVALID_INPUT");
        assertThat(createError(Map.of("earlyAccessTierLevel", 1))).containsExactly("earlyAccessFrom", "INVALID_INPUT");
        // a stock past a 32-bit integer and a NUL in the name never reach the service: clear request errors
        marketer.document("mutation { createMallGoods(input: {name: \"a\", pointsPrice: 1, fulfilment: PICKUP, stock: 99999999999}) { userErrors { code } } }")
                .execute().errors().satisfy(errors -> assertThat(errors).isNotEmpty()
                        .allSatisfy(e -> assertThat(e.getErrorType().toString()).isNotEqualTo("INTERNAL_ERROR")));
        marketer.document("mutation($n: String!) { createMallGoods(input: {name: $n, pointsPrice: 1, fulfilment: PICKUP}) { userErrors { code } } }")
                .variable("n", "a\u0000b").execute().errors().satisfy(errors -> assertThat(errors).isNotEmpty()
                        .allSatisfy(e -> assertThat(e.getErrorType().toString()).isEqualTo("BAD_REQUEST")));

        String goods = onSale(Map.of("stock", 5, "pointsPrice", 10, "fulfilment", "DELIVERY"));
        HttpGraphQlTester member = richMember(100);
        member.document(REDEEM).variable("input", Map.of("goodsId", goods, "idempotencyKey", "a",
                        "address", Map.of("recipient", "王", "phone", "12345", "region", "上海", "detail", "某路"))).execute()
                .path("redeemMallGoods.userErrors[0].field").entityList(String.class).containsExactly("input", "address");
        member.document(REDEEM).variable("input", Map.of("goodsId", goods, "idempotencyKey", "x".repeat(101))).execute()
                .path("redeemMallGoods.userErrors[0].code").entity(String.class).isEqualTo("INVALID_INPUT");
        member.document(CANCEL).variable("id", "1").variable("reason", " ").execute()
                .path("cancelMallRedemption.userErrors[0].code").entity(String.class).isEqualTo("INVALID_INPUT");
        clerk.document("query { mallPickup(input: {code: \"12ab\"}) { id } }").execute()
                .errors().satisfy(errors -> assertThat(errors).isNotEmpty()
                        .allSatisfy(e -> assertThat(e.getErrorType().toString()).isNotEqualTo("INTERNAL_ERROR")));
    }

    @Test
    void managersListGoodsWithFiltersAndTotalsAndTheLifeCycleIsAudited() {
        String goods = create(Map.of("stock", 7, "pointsPrice", 10, "name", unique("列表")));
        marketer.document("query($s: String!) { managedMallGoods(filter: {status: DRAFT, search: $s}) { totalCount edges { node { id status stockLeft redeemedCount } } } }")
                .variable("s", name(goods)).execute()
                .path("managedMallGoods.totalCount").entity(Integer.class).isEqualTo(1)
                .path("managedMallGoods.edges[0].node.stockLeft").entity(Integer.class).isEqualTo(7)
                .path("managedMallGoods.edges[0].node.redeemedCount").entity(Integer.class).isEqualTo(0);
        HttpGraphQlTester member = richMember(0);
        member.document("{ mallGoods { edges { node { id } } } }").execute()
                .path("mallGoods.edges[?(@.node.id == '" + goods + "')]").entityList(Object.class).hasSize(0);
        publish(goods);
        member.document("{ mallGoods { edges { node { id forMe { redeemable } } } } }").execute()
                .path("mallGoods.edges[?(@.node.id == '" + goods + "')]").entityList(Object.class).hasSize(1);
        marketer.document("mutation($id: ID!) { archiveMallGoods(input: {goodsId: $id}) { goods { status } } }")
                .variable("id", goods).execute().path("archiveMallGoods.goods.status").entity(String.class).isEqualTo("ARCHIVED");
        marketer.document("mutation($id: ID!) { publishMallGoods(input: {goodsId: $id}) { userErrors { code } } }")
                .variable("id", goods).execute()
                .path("publishMallGoods.userErrors[0].code").entity(String.class).isEqualTo("MALL_NOT_ON_SALE");
        String marketerId = marketer.documentName("currentStaff").execute().path("currentStaff.id").entity(String.class).get();
        assertThat(auditOf(marketerId, "ARCHIVE_MALL_GOODS")).hasSize(1);
        assertThat(auditOf(marketerId, "CREATE_MALL_GOODS")).isNotEmpty();
    }

    @Test
    void storeStockIsTakenAtTheChosenStore() {
        String other = createStore("mall-2");
        String goods = onSale(Map.of("pointsPrice", 10, "stockScope", "STORE",
                "storeStocks", List.of(Map.of("storeId", store, "remaining", 1), Map.of("storeId", other, "remaining", 0))));
        HttpGraphQlTester member = richMember(100);

        assertThat(outcome(redeem(member, goods, "o", other))).isEqualTo("MALL_OUT_OF_STOCK");
        assertThat(outcome(redeem(member, goods, "s", store))).isEqualTo("OK");
        marketer.document("query($id: ID!) { managedMallItem(id: $id) { stockLeft storeStocks { storeId remaining } } }")
                .variable("id", goods).execute()
                .path("managedMallItem.stockLeft").entity(Integer.class).isEqualTo(0);
    }

    @Test
    void membersRacingForTheLastUnitsSeveralAtATimeNeverOversell() {
        String goods = onSale(Map.of("stock", 10, "pointsPrice", 100));
        // 16 members asking for 1 to 4 units each: 40 units asked for, 10 in stock
        List<HttpGraphQlTester> members = IntStream.range(0, 16).mapToObj(i -> richMember(1000)).toList();

        List<String> outcomes = inParallel(16, i -> outcome(redeem(members.get(i), goods, "many", store, 1 + i % 4)));

        long given = count("select coalesce(sum(quantity), 0) as n from mall_redemption where goods_id = " + goods);
        long left = count("select remaining as n from mall_stock where goods_id = " + goods);
        assertThat(given + left).as("units redeemed and left add up to the stock").isEqualTo(10);
        assertThat(left).isBetween(0L, 3L).as("a last unit or three may stay for want of a small enough ask");
        assertThat(outcomes).containsOnly("OK", "MALL_OUT_OF_STOCK");
        long askedByWinners = IntStream.range(0, 16).filter(i -> "OK".equals(outcomes.get(i))).map(i -> 1 + i % 4).sum();
        assertThat(given).isEqualTo(askedByWinners);
        for (int i = 0; i < 16; i++) {
            long expected = "OK".equals(outcomes.get(i)) ? 1000 - 100L * (1 + i % 4) : 1000;
            members.get(i).document("{ me { pointsBalance } }").execute().path("me.pointsBalance").entity(Long.class)
                    .isEqualTo(expected);
        }
        assertThat(count("select coalesce(sum(-delta), 0) as n from points_ledger where kind = 'MALL_REDEEM' and reason like '%"
                + name(goods) + "%'")).isEqualTo(100 * given);
        assertThat(balancesThatDifferFromTheLedger()).isZero();
    }

    @Test
    void aMemberRacingThemselvesForSeveralUnitsNeverExceedsTheLimitCountedInUnits() {
        String goods = onSale(Map.of("stock", 100, "pointsPrice", 10, "limitPerMember", 5));
        HttpGraphQlTester member = richMember(1000);

        List<String> outcomes = inParallel(20, i -> outcome(redeem(member, goods, "two-" + i, store, 2)));

        assertThat(outcomes).filteredOn("OK"::equals).hasSize(2);
        assertThat(outcomes).filteredOn("MALL_LIMIT_REACHED"::equals).hasSize(18);
        member.document(REDEEM).variable("input", Map.of("goodsId", goods, "storeId", store, "idempotencyKey", "two-more",
                        "quantity", 2)).execute()
                .path("redeemMallGoods.userErrors[0].code").entity(String.class).isEqualTo("MALL_LIMIT_REACHED")
                .path("redeemMallGoods.userErrors[0].message").entity(String.class)
                .satisfies(m -> assertThat(m).contains("还可兑 1 件"));
        member.document("query($id: ID!) { mallItem(id: $id) { forMe { redeemable redeemed maxQuantity } } }")
                .variable("id", goods).execute()
                .path("mallItem.forMe.redeemed").entity(Integer.class).isEqualTo(4)
                .path("mallItem.forMe.maxQuantity").entity(Integer.class).isEqualTo(1);
        assertThat(outcome(redeem(member, goods, "last", store, 1))).isEqualTo("OK");
        assertThat(outcome(redeem(member, goods, "over", store, 1))).isEqualTo("MALL_LIMIT_REACHED");
        member.document("{ me { pointsBalance } }").execute().path("me.pointsBalance").entity(Long.class).isEqualTo(950L);
        assertThat(count("select remaining as n from mall_stock where goods_id = " + goods)).isEqualTo(95);
    }

    @Test
    void aRedemptionOfSeveralUnitsIsPricedPickedUpAndGivenBackAsAWholeExactlyOnce() {
        String goods = onSale(Map.of("stock", 10, "pointsPrice", 100, "cashCents", 500));
        HttpGraphQlTester member = richMember(1000);
        HttpGraphQlTester manager = newStaff(store, "STORE_MANAGER");
        String three = member.document("""
                        mutation($input: RedeemMallGoodsInput!) { redeemMallGoods(input: $input) {
                          redemption { id quantity pointsPrice pointsTotal cashCents cashTotalCents source } userErrors { code } } }""")
                .variable("input", Map.of("goodsId", goods, "storeId", store, "idempotencyKey", "three", "quantity", 3)).execute()
                .path("redeemMallGoods.redemption.quantity").entity(Integer.class).isEqualTo(3)
                .path("redeemMallGoods.redemption.pointsPrice").entity(Long.class).isEqualTo(100L)
                .path("redeemMallGoods.redemption.pointsTotal").entity(Long.class).isEqualTo(300L)
                .path("redeemMallGoods.redemption.cashTotalCents").entity(Long.class).isEqualTo(1500L)
                .path("redeemMallGoods.redemption.source").entity(String.class).isEqualTo("REDEEM")
                .path("redeemMallGoods.redemption.id").entity(String.class).get();
        assertThat(count("select remaining as n from mall_stock where goods_id = " + goods)).isEqualTo(7);
        member.document("{ me { pointsBalance } }").execute().path("me.pointsBalance").entity(Long.class).isEqualTo(700L);

        List<String> cancels = inParallel(8, i -> (i % 2 == 0 ? member : manager).document(CANCEL).variable("id", three)
                .variable("reason", "买多了").execute().path("cancelMallRedemption.userErrors[*].code")
                .entityList(String.class).get().stream().findFirst().orElse("OK"));
        assertThat(cancels).filteredOn("OK"::equals).hasSize(1);
        assertThat(count("select remaining as n from mall_stock where goods_id = " + goods)).isEqualTo(10);
        member.document("{ me { pointsBalance } }").execute().path("me.pointsBalance").entity(Long.class).isEqualTo(1000L);
        assertThat(count("select count(*) as n from points_ledger where idempotency_key = 'mall-return:" + three
                + "' and delta = 300")).isEqualTo(1);

        // two more, handed over at the till: the cash for both is collected
        String code = redeem(member, goods, "two", store, 2).path("redeemMallGoods.redemption.pickupCode").entity(String.class).get();
        clerk.document(PICKUP).variable("code", code).execute()
                .path("completeMallPickup.redemption.state").entity(String.class).isEqualTo("PICKED_UP")
                .path("completeMallPickup.redemption.cashCollectedCents").entity(Long.class).isEqualTo(1000L);
        marketer.document("query($id: ID!) { managedMallItem(id: $id) { stockLeft redeemedCount } }").variable("id", goods).execute()
                .path("managedMallItem.stockLeft").entity(Integer.class).isEqualTo(8)
                .path("managedMallItem.redeemedCount").entity(Integer.class).isEqualTo(2);
    }

    @Test
    void severalUnitsNotPickedUpExpireAndEveryUnitComesBack() {
        String goods = onSale(Map.of("stock", 4, "pointsPrice", 50));
        String name = unique("late-many");
        HttpGraphQlTester member = richMember(name, 200);
        assertThat(outcome(redeem(member, goods, "four", store, 4))).isEqualTo("OK");
        String id = redeemedId(member);

        clock.advance(Duration.ofDays(15));
        member = afterTimePassed(name);
        admin().documentName("runJob").variable("job", "MALL_PICKUP_EXPIRY").execute();
        admin().documentName("runJob").variable("job", "MALL_PICKUP_EXPIRY").execute();

        assertThat(stateOf(id)).isEqualTo("EXPIRED");
        assertThat(count("select remaining as n from mall_stock where goods_id = " + goods)).isEqualTo(4);
        member.document("{ me { pointsBalance } }").execute().path("me.pointsBalance").entity(Long.class).isEqualTo(200L);
    }

    @Test
    void absurdQuantitiesGetAClearErrorAndTakeNothing() {
        String goods = onSale(Map.of("stock", 500, "pointsPrice", 1, "limitPerMember", 3));
        String unlimited = onSale(Map.of("stock", 500, "pointsPrice", 1));
        HttpGraphQlTester member = richMember(1000);

        for (int quantity : new int[] {0, -1, 100, Integer.MAX_VALUE, Integer.MIN_VALUE}) {
            member.document(REDEEM).variable("input", Map.of("goodsId", unlimited, "storeId", store,
                            "idempotencyKey", "q" + quantity, "quantity", quantity)).execute()
                    .path("redeemMallGoods.redemption").valueIsNull()
                    .path("redeemMallGoods.userErrors[0].code").entity(String.class).isEqualTo("INVALID_INPUT")
                    .path("redeemMallGoods.userErrors[0].field").entityList(String.class).containsExactly("input", "quantity");
        }
        member.document(REDEEM).variable("input", Map.of("goodsId", goods, "storeId", store, "idempotencyKey", "over-limit",
                        "quantity", 4)).execute()
                .path("redeemMallGoods.userErrors[0].code").entity(String.class).isEqualTo("INVALID_INPUT")
                .path("redeemMallGoods.userErrors[0].message").entity(String.class).satisfies(m -> assertThat(m).contains("限兑 3 件"));
        member.document(REDEEM).variable("input", Map.of("goodsId", unlimited, "storeId", store, "idempotencyKey", "too-many",
                        "quantity", 99)).execute()
                .path("redeemMallGoods.userErrors").entityList(Object.class).hasSize(0);
        String few = onSale(Map.of("stock", 2, "pointsPrice", 1));
        member.document(REDEEM).variable("input", Map.of("goodsId", few, "storeId", store, "idempotencyKey", "three-of-two",
                        "quantity", 3)).execute()
                .path("redeemMallGoods.userErrors[0].code").entity(String.class).isEqualTo("MALL_OUT_OF_STOCK")
                .path("redeemMallGoods.userErrors[0].message").entity(String.class).satisfies(m -> assertThat(m).contains("只剩 2 件"));
        // a quantity past a 32-bit integer never reaches the service: a clear request error
        member.document("mutation { redeemMallGoods(input: {goodsId: \"" + goods + "\", idempotencyKey: \"big\", quantity: 99999999999}) { userErrors { code } } }")
                .execute().errors().satisfy(errors -> assertThat(errors).isNotEmpty()
                        .allSatisfy(e -> assertThat(e.getErrorType().toString()).isNotEqualTo("INTERNAL_ERROR")));
        member.document("{ me { pointsBalance } }").execute().path("me.pointsBalance").entity(Long.class).isEqualTo(901L);
        assertThat(count("select remaining as n from mall_stock where goods_id = " + goods)).isEqualTo(500);
        assertThat(count("select remaining as n from mall_stock where goods_id = " + few)).isEqualTo(2);
    }

    // --- helpers

    /** A new member holding exactly these points (an admin's adjustment). */
    private HttpGraphQlTester richMember(long points) {
        return richMember(unique("m"), points);
    }

    private HttpGraphQlTester richMember(String name, long points) {
        HttpGraphQlTester member = member(name);
        if (points > 0) {
            admin().documentName("adjustPoints").variable("input", Map.of("memberId", idOf(member), "delta", points,
                            "reason", "测试积分", "idempotencyKey", unique("adj"))).execute()
                    .path("adjustPoints.userErrors").entityList(Object.class).hasSize(0)
                    .path("adjustPoints.member.pointsBalance").entity(Long.class).isEqualTo(points);
        }
        return member;
    }

    private String create(Map<String, Object> overrides) {
        Map<String, Object> input = new HashMap<>(Map.of("name", unique("好物"), "pointsPrice", 100, "fulfilment", "PICKUP"));
        input.putAll(overrides);
        return marketer.document("mutation($input: CreateMallGoodsInput!) { createMallGoods(input: $input) { goods { id } userErrors { field code message } } }")
                .variable("input", input).execute()
                .path("createMallGoods.userErrors").entityList(Object.class).hasSize(0)
                .path("createMallGoods.goods.id").entity(String.class).get();
    }

    private void publish(String goods) {
        marketer.document("mutation($id: ID!) { publishMallGoods(input: {goodsId: $id}) { goods { status } userErrors { code } } }")
                .variable("id", goods).execute()
                .path("publishMallGoods.goods.status").entity(String.class).isEqualTo("ON_SALE");
    }

    private String onSale(Map<String, Object> overrides) {
        String goods = create(overrides);
        publish(goods);
        return goods;
    }

    /** The field (last part) and code of the first error creating goods with these overrides. */
    private List<String> createError(Map<String, Object> overrides) {
        Map<String, Object> input = new HashMap<>(Map.of("name", unique("坏"), "pointsPrice", 100, "fulfilment", "PICKUP"));
        input.putAll(overrides);
        GraphQlTester.Response r = marketer.document("mutation($input: CreateMallGoodsInput!) { createMallGoods(input: $input) { goods { id } userErrors { field code message } } }")
                .variable("input", input).execute();
        List<String> field = r.path("createMallGoods.userErrors[0].field").entityList(String.class).get();
        return List.of(field.get(field.size() - 1), r.path("createMallGoods.userErrors[0].code").entity(String.class).get());
    }

    private static GraphQlTester.Response redeem(HttpGraphQlTester member, String goods, String key, String storeId) {
        return member.document(REDEEM).variable("input", Map.of("goodsId", goods, "storeId", storeId, "idempotencyKey", key))
                .execute();
    }

    private static GraphQlTester.Response redeem(HttpGraphQlTester member, String goods, String key, String storeId, int quantity) {
        return member.document(REDEEM).variable("input", Map.of("goodsId", goods, "storeId", storeId, "idempotencyKey", key,
                        "quantity", quantity)).execute();
    }

    private static String outcome(GraphQlTester.Response response) {
        return first(response, "redeemMallGoods");
    }

    private static String first(GraphQlTester.Response response, String field) {
        return response.path(field + ".userErrors[*].code").entityList(String.class).get().stream().findFirst().orElse("OK");
    }

    private static String redeemedId(HttpGraphQlTester member) {
        return member.document("{ myMallRedemptions(first: 1) { edges { node { id } } } }").execute()
                .path("myMallRedemptions.edges[0].node.id").entity(String.class).get();
    }

    private String stateOf(String redemptionId) {
        return db.sql("select state from mall_redemption where id = " + Long.parseLong(redemptionId))
                .map(row -> row.get("state", String.class)).one().block();
    }

    private String name(String goods) {
        return db.sql("select name from mall_goods_version where goods_id = " + Long.parseLong(goods) + " and version = 1")
                .map(row -> row.get("name", String.class)).one().block();
    }

    private long count(String sql) {
        return db.sql(sql).map(row -> ((Number) row.get("n")).longValue()).one().block();
    }

    private long balancesThatDifferFromTheLedger() {
        return count("""
                select count(*) as n from member_points p
                where p.balance <> (select coalesce(sum(l.delta), 0) from points_ledger l where l.member_id = p.member_id)
                """);
    }
}
