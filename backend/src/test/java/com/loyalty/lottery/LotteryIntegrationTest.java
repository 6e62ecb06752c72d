package com.loyalty.lottery;

import com.loyalty.support.IntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/** What the lottery tests share: lotteries made and started through the API, draws, members with points. */
abstract class LotteryIntegrationTest extends IntegrationTest {

    static final String LOTTERY = """
            fragment L on Lottery { id status title costPoints pointsGiven couponsGiven budgetPoints
              totals { draws pointsTaken prizesGiven budgetPointsLeft budgetCouponsLeft }
              poolVersions { version effectiveFrom prizes { id kind name points goodsId probabilityBp stock remaining } } }
            """;
    static final String DRAW = """
            mutation($input: DrawLotteryInput!) { drawLottery(input: $input) {
              replayed pointsBalance
              draw { id memberId poolVersion randomValue prizeKind prizeName fellToNothing pointsWon couponId mallRedemptionId costPoints }
              userErrors { field code message } } }
            """;

    /** A prize input: the points of POINTS, the coupon template of COUPON, the goods of GOODS. */
    static Map<String, Object> prize(String kind, Object amountOrTemplate, int stock, int bp) {
        Map<String, Object> p = new HashMap<>(Map.of("kind", kind, "probabilityBp", bp));
        if (kind.equals("POINTS")) {
            p.put("points", amountOrTemplate);
        }
        if (kind.equals("COUPON")) {
            p.put("couponTemplateId", amountOrTemplate);
        }
        if (kind.equals("GOODS")) {
            p.put("goodsId", amountOrTemplate);
        }
        if (!kind.equals("NOTHING")) {
            p.put("stock", stock);
        }
        return p;
    }

    static Map<String, Object> lotteryInput(long cost, int daily, long budgetPoints, List<Map<String, Object>> prizes) {
        Instant now = Instant.now();
        Map<String, Object> in = new HashMap<>();
        in.put("title", unique("幸运大转盘"));
        in.put("rulesText", "每次抽奖消耗积分；奖品售罄或预算用完时，该奖项的概率归入「谢谢参与」。");
        in.put("startsAt", now.minus(Duration.ofDays(1)).toString());
        in.put("endsAt", now.plus(Duration.ofDays(30)).toString());
        in.put("costPoints", cost);
        in.put("dailyLimit", daily);
        in.put("budgetPoints", budgetPoints);
        in.put("budgetCoupons", 100);
        in.put("prizes", prizes);
        return in;
    }

    static GraphQlTester.Response create(HttpGraphQlTester marketer, Map<String, Object> input) {
        return marketer.document(LOTTERY + """
                        mutation($input: CreateLotteryInput!) { createLottery(input: $input) {
                          lottery { ...L } userErrors { field code message } } }""")
                .variable("input", input).execute();
    }

    /** Creates and starts the lottery; its id. */
    String running(HttpGraphQlTester marketer, Map<String, Object> input) {
        String id = create(marketer, input).path("createLottery.userErrors").entityList(Object.class).hasSize(0)
                .path("createLottery.lottery.id").entity(String.class).get();
        lifecycle(marketer, "startLottery", id).path("startLottery.userErrors").entityList(Object.class).hasSize(0);
        return id;
    }

    static GraphQlTester.Response lifecycle(HttpGraphQlTester staff, String mutation, String id) {
        return staff.document("mutation($id: ID!) { " + mutation + "(input: {lotteryId: $id}) { lottery { id status } "
                + "userErrors { field code message } } }").variable("id", id).execute();
    }

    static GraphQlTester.Response draw(HttpGraphQlTester member, String lotteryId, String key) {
        return member.document(DRAW).variable("input", Map.of("lotteryId", lotteryId, "idempotencyKey", key)).execute();
    }

    HttpGraphQlTester memberWithPoints(String name, long points) {
        HttpGraphQlTester member = member(name);
        admin().documentName("adjustPoints")
                .variable("input", Map.of("memberId", idOf(member), "delta", points, "reason", "测试赠分",
                        "idempotencyKey", unique("k")))
                .execute().path("adjustPoints.userErrors").entityList(Object.class).hasSize(0);
        return member;
    }

    static long balance(HttpGraphQlTester member) {
        return member.document("{ me { pointsBalance } }").execute().path("me.pointsBalance").entity(Long.class).get();
    }

    long number(String sql, String lotteryId) {
        return db.sql(sql).bind("l", Long.parseLong(lotteryId)).map(row -> ((Number) row.get(0)).longValue()).one().block();
    }

    /** Goods of the mall made by the marketer (a pickup item, brand-wide stock, unless overridden), put on sale unless a DRAFT. */
    static String goods(HttpGraphQlTester marketer, Map<String, Object> overrides, boolean onSale) {
        Map<String, Object> input = new HashMap<>(Map.of("name", unique("奖品杯"), "pointsPrice", 500, "fulfilment", "PICKUP",
                "stock", 10));
        input.putAll(overrides);
        if ("STORE".equals(input.get("stockScope"))) {
            input.remove("stock");
        }
        String id = marketer.document("""
                        mutation($input: CreateMallGoodsInput!) { createMallGoods(input: $input) {
                          goods { id } userErrors { field code message } } }""")
                .variable("input", input).execute()
                .path("createMallGoods.userErrors").entityList(Object.class).hasSize(0)
                .path("createMallGoods.goods.id").entity(String.class).get();
        if (onSale) {
            goodsStatus(marketer, "publishMallGoods", id);
        }
        return id;
    }

    static void goodsStatus(HttpGraphQlTester marketer, String mutation, String goodsId) {
        marketer.document("mutation($id: ID!) { " + mutation + "(input: {goodsId: $id}) { goods { status } userErrors { code } } }")
                .variable("id", goodsId).execute()
                .path(mutation + ".userErrors").entityList(Object.class).hasSize(0);
    }
}
