package com.loyalty.lottery;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/**
 * GOODS prizes: a points-mall item won in a draw becomes the member's mall redemption at 0 points,
 * picked up with its code at any store; the goods' own stock is the mall's, and a draw that cannot
 * get a unit (sold out, paused, archived) falls to 谢谢参与.
 */
class LotteryGoodsPrizeTest extends LotteryIntegrationTest {

    private static final String MY_REDEMPTIONS = """
            { myMallRedemptions(first: 10) { totalCount edges { node {
                id goodsId name state source quantity pointsPrice pointsTotal cashTotalCents pickupCode pickupStoreName } } } }""";
    private static final String PICKUP = """
            mutation($code: String!) { completeMallPickup(input: {code: $code}) {
              redemption { id state pickupStoreName cashCollectedCents } userErrors { field code message } } }""";

    private long stockLeft(String goodsId) {
        return db.sql("select remaining from mall_stock where goods_id = :g and store_id = 0").bind("g", Long.parseLong(goodsId))
                .map(row -> row.get("remaining", Integer.class).longValue()).one().block();
    }

    @Test
    void aWonGoodsPrizeIsAPickupAtZeroPointsCollectedAtAnyStoreAndNotCountedAgainstTheLimit() {
        HttpGraphQlTester marketer = newMarketer();
        String cup = goods(marketer, Map.of("name", unique("保温杯"), "stock", 5, "pointsPrice", 500, "cashCents", 990,
                "limitPerMember", 1), true);
        String id = running(marketer, lotteryInput(10, 3, 0, List.of(prize("GOODS", cup, 10, 10_000))));
        HttpGraphQlTester member = memberWithPoints(unique("winner"), 600);

        GraphQlTester.Response drawn = draw(member, id, "g1");
        drawn.path("drawLottery.userErrors").entityList(Object.class).hasSize(0)
                .path("drawLottery.draw.prizeKind").entity(String.class).isEqualTo("GOODS")
                .path("drawLottery.draw.fellToNothing").entity(Boolean.class).isEqualTo(false)
                .path("drawLottery.pointsBalance").entity(Long.class).isEqualTo(590L);
        String prizeName = drawn.path("drawLottery.draw.prizeName").entity(String.class).get();
        String redemption = drawn.path("drawLottery.draw.mallRedemptionId").entity(String.class).get();
        assertThat(prizeName).startsWith("保温杯");

        // in the mall's "my redemptions" like any other, at 0 points and 0 cash, to be collected at any store
        GraphQlTester.Response mine = member.document(MY_REDEMPTIONS).execute();
        mine.path("myMallRedemptions.totalCount").entity(Integer.class).isEqualTo(1)
                .path("myMallRedemptions.edges[0].node.id").entity(String.class).isEqualTo(redemption)
                .path("myMallRedemptions.edges[0].node.goodsId").entity(String.class).isEqualTo(cup)
                .path("myMallRedemptions.edges[0].node.source").entity(String.class).isEqualTo("LOTTERY")
                .path("myMallRedemptions.edges[0].node.state").entity(String.class).isEqualTo("AWAITING_PICKUP")
                .path("myMallRedemptions.edges[0].node.pointsTotal").entity(Long.class).isEqualTo(0L)
                .path("myMallRedemptions.edges[0].node.cashTotalCents").entity(Long.class).isEqualTo(0L)
                .path("myMallRedemptions.edges[0].node.pickupStoreName").valueIsNull();
        String code = mine.path("myMallRedemptions.edges[0].node.pickupCode").entity(String.class).get();
        assertThat(code).matches("[0-9]{12}");
        assertThat(stockLeft(cup)).isEqualTo(4);
        member.documentName("myPoints").execute().path("me.pointsHistory.edges[*].node.kind").entityList(String.class)
                .containsExactly("LOTTERY_DRAW", "ADJUST");

        // the prize does not use up the member's limit of 1: they may still buy one
        String store = createStore("任一门店");
        member.document("mutation($input: RedeemMallGoodsInput!) { redeemMallGoods(input: $input) { "
                        + "redemption { pointsTotal } userErrors { code } } }")
                .variable("input", Map.of("goodsId", cup, "storeId", store, "idempotencyKey", "buy-1")).execute()
                .path("redeemMallGoods.userErrors").entityList(Object.class).hasSize(0)
                .path("redeemMallGoods.redemption.pointsTotal").entity(Long.class).isEqualTo(500L);

        // a clerk of whichever store the member walks into hands it over; nothing to collect
        String storeName = admin().document("query($id: ID!) { store(id: $id) { name } }").variable("id", store).execute()
                .path("store.name").entity(String.class).get();
        newStaff(store, "CLERK").document(PICKUP).variable("code", code).execute()
                .path("completeMallPickup.userErrors").entityList(Object.class).hasSize(0)
                .path("completeMallPickup.redemption.state").entity(String.class).isEqualTo("PICKED_UP")
                .path("completeMallPickup.redemption.pickupStoreName").entity(String.class).isEqualTo(storeName)
                .path("completeMallPickup.redemption.cashCollectedCents").entity(Long.class).isEqualTo(0L);
        assertThat(balance(member)).isEqualTo(90L);
        marketer.document(LOTTERY + "query($id: ID!) { lottery(id: $id) { ...L } }").variable("id", id).execute()
                .path("lottery.totals.prizesGiven").entity(Long.class).isEqualTo(1L)
                .path("lottery.poolVersions[0].prizes[0].goodsId").entity(String.class).isEqualTo(cup)
                .path("lottery.poolVersions[0].prizes[0].remaining").entity(Integer.class).isEqualTo(9);
    }

    @Test
    void goodsSoldOutPausedOrArchivedAtDrawTimeFallToThankYouAndThePrizeKeepsItsUnits() {
        HttpGraphQlTester marketer = newMarketer();
        String cup = goods(marketer, Map.of("stock", 1), true);
        String id = running(marketer, lotteryInput(0, 10, 0, List.of(prize("GOODS", cup, 10, 10_000))));
        HttpGraphQlTester member = member(unique("unlucky"));
        String odds = "query($id: ID) { lotteryForMember(id: $id) { odds { kind name inStock } } }";

        draw(member, id, "first").path("drawLottery.draw.prizeKind").entity(String.class).isEqualTo("GOODS");
        member.document(odds).variable("id", id).execute()
                .path("lotteryForMember.odds[0].kind").entity(String.class).isEqualTo("GOODS")
                .path("lotteryForMember.odds[0].inStock").entity(Boolean.class).isEqualTo(false);
        // sold out in the mall: 谢谢参与, and the prize's own unit goes back
        draw(member, id, "sold-out").path("drawLottery.userErrors").entityList(Object.class).hasSize(0)
                .path("drawLottery.draw.prizeKind").entity(String.class).isEqualTo("NOTHING")
                .path("drawLottery.draw.fellToNothing").entity(Boolean.class).isEqualTo(true)
                .path("drawLottery.draw.mallRedemptionId").valueIsNull();

        marketer.document("mutation($input: UpdateMallGoodsInput!) { updateMallGoods(input: $input) { userErrors { code } } }")
                .variable("input", Map.of("goodsId", cup, "stock", 3)).execute()
                .path("updateMallGoods.userErrors").entityList(Object.class).hasSize(0);
        goodsStatus(marketer, "pauseMallGoods", cup);
        member.document(odds).variable("id", id).execute().path("lotteryForMember.odds[0].inStock").entity(Boolean.class)
                .isEqualTo(false);
        draw(member, id, "paused").path("drawLottery.draw.prizeKind").entity(String.class).isEqualTo("NOTHING")
                .path("drawLottery.draw.fellToNothing").entity(Boolean.class).isEqualTo(true);
        goodsStatus(marketer, "publishMallGoods", cup);
        member.document(odds).variable("id", id).execute().path("lotteryForMember.odds[0].inStock").entity(Boolean.class)
                .isEqualTo(true);
        draw(member, id, "on-sale-again").path("drawLottery.draw.prizeKind").entity(String.class).isEqualTo("GOODS");
        goodsStatus(marketer, "archiveMallGoods", cup);
        draw(member, id, "archived").path("drawLottery.draw.prizeKind").entity(String.class).isEqualTo("NOTHING");

        assertThat(stockLeft(cup)).isEqualTo(2);
        assertThat(number("select remaining from lottery_prize where pool_id in (select id from lottery_pool where lottery_id = :l)", id))
                .as("only the two draws that got a cup used a unit of the prize").isEqualTo(8);
        assertThat(number("select count(*) from lottery_draw where lottery_id = :l and mall_redemption_id is not null", id))
                .isEqualTo(2);
    }

    @Test
    void deliveredPerStoreArchivedOrUnknownGoodsAreRefusedWhenThePoolIsSaved() {
        HttpGraphQlTester marketer = newMarketer();
        String posted = goods(marketer, Map.of("fulfilment", "DELIVERY"), true);
        String store = createStore("分店库存");
        String perStore = goods(marketer, Map.of("stockScope", "STORE",
                "storeStocks", List.of(Map.of("storeId", store, "remaining", 3))), true);
        String archived = goods(marketer, Map.of(), true);
        goodsStatus(marketer, "archiveMallGoods", archived);

        Map<String, String> refusals = new java.util.LinkedHashMap<>();
        for (Map.Entry<String, Object> goods : Map.<String, Object>of("delivered", posted, "per store", perStore,
                "archived", archived, "unknown", "999999999").entrySet()) {
            GraphQlTester.Response response = create(marketer, lotteryInput(0, 1, 0,
                    List.of(prize("GOODS", goods.getValue(), 1, 100), prize("NOTHING", null, 0, 0))));
            refusals.put(goods.getKey(), response.path("createLottery.lottery").valueIsNull()
                    .path("createLottery.userErrors[0].code").entity(String.class).get() + " "
                    + response.path("createLottery.userErrors[0].message").entity(String.class).get());
        }
        assertThat(refusals.get("delivered")).startsWith("MALL_GOODS_NOT_A_PRIZE").contains("快递配送");
        assertThat(refusals.get("per store")).startsWith("MALL_GOODS_NOT_A_PRIZE").contains("按门店");
        assertThat(refusals.get("archived")).startsWith("MALL_NOT_ON_SALE").contains("归档");
        assertThat(refusals.get("unknown")).startsWith("MALL_GOODS_NOT_FOUND");
        create(marketer, lotteryInput(0, 1, 0, List.of(Map.of("kind", "GOODS", "stock", 1, "probabilityBp", 100),
                prize("NOTHING", null, 0, 0))))
                .path("createLottery.userErrors[0].code").entity(String.class).isEqualTo("INVALID_INPUT");
        // a draft goods item may be a prize: it is given once it is on sale
        String draft = goods(marketer, Map.of(), false);
        create(marketer, lotteryInput(0, 1, 0, List.of(prize("GOODS", draft, 1, 100), prize("NOTHING", null, 0, 0))))
                .path("createLottery.userErrors").entityList(Object.class).hasSize(0);
    }

    @Test
    void fortyMembersDrawingAtOnceNeverOversellTheGoodsAndEachWonDrawHasExactlyOneRedemption() {
        // the goods prize always lands; the prize has 15 units but the mall only 6 cups
        HttpGraphQlTester marketer = newMarketer();
        String cup = goods(marketer, Map.of("stock", 6), true);
        String id = running(marketer, lotteryInput(10, 1, 0, List.of(prize("GOODS", cup, 15, 10_000))));
        List<HttpGraphQlTester> members = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            members.add(memberWithPoints(unique("crowd"), 100));
        }

        // every member draws, and sends the same request a second time (a retry after a lost answer)
        List<String> outcomes = inParallel(80, i -> {
            GraphQlTester.Response r = draw(members.get(i % 40), id, "once");
            List<String> codes = r.path("drawLottery.userErrors[*].code").entityList(String.class).get();
            return codes.isEmpty() ? r.path("drawLottery.draw.prizeKind").entity(String.class).get() : codes.get(0);
        });

        assertThat(outcomes).filteredOn("GOODS"::equals).hasSize(12).as("6 winners, each answered twice");
        assertThat(outcomes).filteredOn("NOTHING"::equals).hasSize(68);
        assertThat(stockLeft(cup)).isZero();
        assertThat(number("select count(*) from lottery_draw where lottery_id = :l", id)).isEqualTo(40);
        assertThat(number("select count(*) from mall_redemption where goods_id = (select goods_id from lottery_prize "
                + "where pool_id in (select id from lottery_pool where lottery_id = :l) limit 1)", id))
                .as("redemptions of the cup: never more than its stock").isEqualTo(6);
        assertThat(number("""
                select count(*) from lottery_draw d join lottery_prize p on p.id = d.prize_id
                where d.lottery_id = :l and p.kind = 'GOODS'
                  and (select count(*) from mall_redemption r where r.id = d.mall_redemption_id
                         and r.member_id = d.member_id and r.source = 'LOTTERY' and r.points_price = 0) = 1""", id))
                .as("won GOODS draws with exactly one redemption of theirs").isEqualTo(6);
        assertThat(number("""
                select count(*) from mall_redemption r join lottery_prize p on p.goods_id = r.goods_id
                where p.pool_id in (select id from lottery_pool where lottery_id = :l)
                  and not exists (select 1 from lottery_draw d where d.mall_redemption_id = r.id)""", id))
                .as("redemptions without their draw").isZero();
        assertThat(number("select remaining from lottery_prize where pool_id in (select id from lottery_pool where lottery_id = :l)", id))
                .as("the prize's units: 15 less the 6 given").isEqualTo(9);
        assertThat(number("select coalesce(sum(-delta), 0) from points_ledger where kind = 'LOTTERY_DRAW' "
                + "and idempotency_key like 'lottery:' || :l || ':%'", id)).isEqualTo(40 * 10);
        assertThat(number("""
                select count(*) from member_points mp where mp.member_id in (select member_id from lottery_draw where lottery_id = :l)
                  and mp.balance <> (select coalesce(sum(delta), 0) from points_ledger l where l.member_id = mp.member_id)""", id))
                .as("members whose balance differs from their ledger").isZero();
    }

    @Test
    void aMemberCancellingAWonPrizeGivesTheCupBackToTheMallAndGetsNoPoints() {
        HttpGraphQlTester marketer = newMarketer();
        String cup = goods(marketer, Map.of("stock", 2), true);
        String id = running(marketer, lotteryInput(0, 3, 0, List.of(prize("GOODS", cup, 5, 10_000))));
        HttpGraphQlTester member = member(unique("gives-back"));
        String redemption = draw(member, id, "c1").path("drawLottery.draw.mallRedemptionId").entity(String.class).get();
        assertThat(stockLeft(cup)).isEqualTo(1);

        List<String> answers = inParallel(4, i -> member.document("""
                        mutation($id: ID!) { cancelMallRedemption(input: {redemptionId: $id, reason: "不想要了"}) {
                          redemption { state } userErrors { code } } }""")
                .variable("id", redemption).execute()
                .path("cancelMallRedemption.userErrors[*].code").entityList(String.class).get().stream().findFirst().orElse("OK"));

        assertThat(answers).filteredOn("OK"::equals).hasSize(1);
        assertThat(answers).filteredOn("MALL_REDEMPTION_CLOSED"::equals).hasSize(3);
        assertThat(stockLeft(cup)).isEqualTo(2);
        assertThat(balance(member)).isZero();
        member.documentName("myPoints").execute().path("me.pointsHistory.edges").entityList(Object.class).hasSize(0);
        // the draw still names what it gave
        member.document("{ myLotteryDraws { edges { node { prizeKind mallRedemptionId } } } }").execute()
                .path("myLotteryDraws.edges[0].node.mallRedemptionId").entity(String.class).isEqualTo(redemption);
    }
}
