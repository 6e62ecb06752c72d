package com.loyalty.analytics.points;

import static org.assertj.core.api.Assertions.assertThat;

import com.loyalty.shared.config.BrandProperties;
import com.loyalty.support.IntegrationTest;
import com.loyalty.support.TestMallGoods;
import com.loyalty.support.Till;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/**
 * The points economy of a fresh store on one day, from real ledgers: a member of the store is given
 * 5,000 points by hand, then buys, redeems goods in the mall (one picked up at the store, two
 * delivered, one of those cancelled), draws the lottery twice winning 50 points each time, fills a
 * stamp card and is checked in at an event. Mall redemptions and lottery draws are points spent (the
 * cancellation gives mall spending back), the prizes, the stamp card reward and the event's points
 * are issued, each in its own figure, and the net is exactly what the member's balance moved.
 */
class PointsSpentInTheMallAndLotteryTest extends IntegrationTest {

    @Autowired
    BrandProperties brand;

    LocalDate today;
    String store;
    HttpGraphQlTester manager;

    @BeforeEach
    void noonToday() {
        today = LocalDate.now(clock.withZone(brand.zone()));
        clock.setTo(today.atTime(LocalTime.NOON).atZone(brand.zone()).toInstant());
        store = createStore("积分经济店");
        manager = newStaff(store, "STORE_MANAGER");
    }

    @Test
    void mallRedemptionsAndLotteryDrawsArePointsSpentAndPrizesStampsAndEventsArePointsIssued() {
        String name = unique("spender");
        HttpGraphQlTester member = memberOf(store, name);
        String memberId = idOf(member);
        admin().documentName("adjustPoints").variable("input", Map.of("memberId", memberId, "delta", 5_000,
                        "reason", "测试积分", "idempotencyKey", unique("adj"))).execute()
                .path("adjustPoints.userErrors").entityList(Object.class).hasSize(0);
        HttpGraphQlTester marketer = newMarketer();

        // the mall: 1,200 picked up here, 2 x 300 delivered, one of them cancelled (300 back)
        String pickup = goods(marketer, Map.of("fulfilment", "PICKUP", "pointsPrice", 1_200));
        String parcel = goods(marketer, Map.of("fulfilment", "DELIVERY", "pointsPrice", 300));
        redeem(member, Map.of("goodsId", pickup, "storeId", store, "idempotencyKey", "p"));
        redeem(member, Map.of("goodsId", parcel, "address", address(), "idempotencyKey", "d1"));
        String cancelled = redeem(member, Map.of("goodsId", parcel, "address", address(), "idempotencyKey", "d2"));
        member.document("mutation($id: ID!) { cancelMallRedemption(input: {redemptionId: $id, reason: \"不要了\"}) { userErrors { code } } }")
                .variable("id", cancelled).execute().path("cancelMallRedemption.userErrors").entityList(Object.class).hasSize(0);
        // the lottery: 100 a draw, always 50 points back
        String lottery = lottery(marketer);
        for (String key : List.of("l1", "l2")) {
            member.document("mutation($id: ID!, $key: String!) { drawLottery(input: {lotteryId: $id, idempotencyKey: $key}) { draw { pointsWon } userErrors { code } } }")
                    .variable("id", lottery).variable("key", key).execute()
                    .path("drawLottery.userErrors").entityList(Object.class).hasSize(0)
                    .path("drawLottery.draw.pointsWon").entity(Long.class).isEqualTo(50L);
        }
        // a stamp card of two coffees worth 80 points, filled by two purchases at the store
        String category = unique("经济咖啡");
        admin().documentName("createStampCard").variable("input", Map.of("name", "两杯送积分", "stampsNeeded", 2,
                        "category", category, "period", "CALENDAR_MONTH", "rewardPoints", 80)).execute()
                .path("createStampCard.userErrors").entityList(Object.class).hasSize(0);
        Till till = new Till(newStaff(store, "CLERK"));
        for (int i = 0; i < 2; i++) {
            till.buy(memberId, unique("C"), 2_000, Map.of("items", List.of(Map.of("sku", "C", "name", "美式",
                    "category", category, "quantity", 1, "unitPriceCents", 2_000))))
                    .path("recordPurchase.userErrors").entityList(Object.class).hasSize(0);
        }
        // an event at the store in half an hour, 30 points for coming
        String event = event(30);
        member.document("mutation($id: ID!) { signUpForEvent(input: {eventId: $id}) { userErrors { code } } }")
                .variable("id", event).execute().path("signUpForEvent.userErrors").entityList(Object.class).hasSize(0);
        String code = member.document("{ memberCode { token } }").execute().path("memberCode.token").entity(String.class).get();
        newStaff(store, "CLERK").document("mutation($id: ID!, $code: String!) { checkInAtEvent(input: {eventId: $id, memberCode: $code}) { userErrors { code } } }")
                .variable("id", event).variable("code", code).execute()
                .path("checkInAtEvent.userErrors").entityList(Object.class).hasSize(0);

        long earned = ledgerSum(memberId, "EARN");
        assertThat(earned).as("the purchases earned points").isPositive();
        Map<String, Object> report = manager.documentName("pointsEconomy").variable("range",
                        Map.of("from", today.toString(), "to", today.toString(), "granularity", "DAY", "storeId", store))
                .execute().path("pointsEconomy").entity(Map.class).get();

        Map<String, Object> expected = PointsEconomyTest.flow(today.toString(), today.toString(), Map.of(
                "earned", (int) earned, "stampCards", 80, "events", 30, "lotteryPrizes", 100,
                "mallRedemptions", 1_200 + 600 - 300, "lotteryDraws", 200, "adjustedUp", 5_000));
        assertThat(report.get("total")).isEqualTo(expected);
        assertThat(report.get("series")).isEqualTo(List.of(expected));
        long balance = member.document("{ me { pointsBalance } }").execute().path("me.pointsBalance").entity(Long.class).get();
        assertThat(((Number) expected.get("net")).longValue()).as("net = what the balance moved").isEqualTo(balance);
        assertThat(expected).containsEntry("redeemed", 1_700).containsEntry("issued", (int) earned + 210);
    }

    private long ledgerSum(String memberId, String kind) {
        return db.sql("select coalesce(sum(delta), 0)::bigint as n from points_ledger where member_id = :m and kind = :k")
                .bind("m", Long.parseLong(memberId)).bind("k", kind).map(row -> row.get("n", Long.class)).one().block();
    }

    private static Map<String, Object> address() {
        return Map.of("recipient", "王小明", "phone", "13812345678", "region", "上海市徐汇区", "detail", "漕溪北路 88 号");
    }

    private static String goods(HttpGraphQlTester marketer, Map<String, Object> settings) {
        return TestMallGoods.onSale(marketer, settings);
    }

    private static String redeem(HttpGraphQlTester member, Map<String, Object> input) {
        return member.document("mutation($input: RedeemMallGoodsInput!) { redeemMallGoods(input: $input) { redemption { id } userErrors { code } } }")
                .variable("input", input).execute()
                .path("redeemMallGoods.userErrors").entityList(Object.class).hasSize(0)
                .path("redeemMallGoods.redemption.id").entity(String.class).get();
    }

    private String lottery(HttpGraphQlTester marketer) {
        Instant now = clock.instant();
        Map<String, Object> input = new HashMap<>();
        input.put("title", unique("经济转盘"));
        input.put("rulesText", "每次抽奖消耗 100 积分。");
        input.put("startsAt", now.minus(Duration.ofHours(1)).toString());
        input.put("endsAt", now.plus(Duration.ofDays(1)).toString());
        input.put("costPoints", 100);
        input.put("dailyLimit", 5);
        input.put("budgetPoints", 1_000);
        input.put("budgetCoupons", 0);
        input.put("prizes", List.of(Map.of("kind", "POINTS", "points", 50, "stock", 10, "probabilityBp", 10_000)));
        String id = marketer.document("mutation($input: CreateLotteryInput!) { createLottery(input: $input) { lottery { id } userErrors { code message } } }")
                .variable("input", input).execute()
                .path("createLottery.userErrors").entityList(Object.class).hasSize(0)
                .path("createLottery.lottery.id").entity(String.class).get();
        marketer.document("mutation($id: ID!) { startLottery(input: {lotteryId: $id}) { userErrors { code } } }")
                .variable("id", id).execute().path("startLottery.userErrors").entityList(Object.class).hasSize(0);
        return id;
    }

    private String event(long points) {
        Instant startsAt = clock.instant().plus(Duration.ofMinutes(30));
        Map<String, Object> input = Map.of("title", "品鉴会", "capacity", 10, "points", points,
                "startsAt", startsAt.toString(), "endsAt", startsAt.plus(Duration.ofHours(2)).toString());
        String id = manager.document("mutation($input: CreateMemberEventInput!) { createMemberEvent(input: $input) { event { id } userErrors { code } } }")
                .variable("input", input).execute()
                .path("createMemberEvent.userErrors").entityList(Object.class).hasSize(0)
                .path("createMemberEvent.event.id").entity(String.class).get();
        manager.document("mutation($id: ID!) { publishMemberEvent(input: {eventId: $id}) { userErrors { code } } }")
                .variable("id", id).execute().path("publishMemberEvent.userErrors").entityList(Object.class).hasSize(0);
        return id;
    }
}
