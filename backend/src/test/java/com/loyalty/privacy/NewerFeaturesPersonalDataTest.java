package com.loyalty.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import com.loyalty.support.IntegrationTest;
import com.loyalty.support.TestMallGoods;
import com.loyalty.support.Till;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The member's own data from the points mall, stamp cards, tier benefits, the stored-value card,
 * events and the lottery in their export (the delivery address in full, for them alone), and what
 * closing the account does to it: the address erased, places in coming events given to the waiting
 * list, the redemptions and their points entries kept for the books.
 */
class NewerFeaturesPersonalDataTest extends IntegrationTest {

    static final String REDEEM = """
            mutation($input: RedeemMallGoodsInput!) { redeemMallGoods(input: $input) {
              redemption { id state address } userErrors { field code message } } }""";
    static final Map<String, Object> ADDRESS = Map.of("recipient", "王小明", "phone", "13812345678",
            "region", "上海市徐汇区", "detail", "漕溪北路 88 号 1201 室");
    static final String FULL_ADDRESS = "王小明 13812345678 上海市徐汇区 漕溪北路 88 号 1201 室";

    @Autowired
    JsonMapper json;

    /** The tier benefit set here would reach other tests' members: it is ended. */
    @AfterEach
    void endTheBenefit() {
        admin().documentName("setTierBenefits").variable("input", Map.of("tierLevel", 1, "items", List.of()))
                .execute().path("setTierBenefits.userErrors").entityList(Object.class).hasSize(0);
    }

    @Test
    void theExportCarriesTheMembersRedemptionsWithTheFullAddressStampCardsBenefitsStoredValueAndEvents() {
        String store = createStore("导出店");
        Till till = new Till(newStaff(store, "CLERK"));
        HttpGraphQlTester ann = richMember(unique("ann"), 5_000);
        HttpGraphQlTester ben = richMember(unique("ben"), 5_000);
        String annId = idOf(ann);

        // the mall: a delivery with ann's address, and ben's with his own
        String parcel = goods(Map.of("fulfilment", "DELIVERY", "pointsPrice", 300));
        redeem(ann, parcel, ADDRESS, "a");
        redeem(ben, parcel, Map.of("recipient", "李本", "phone", "13900001111", "region", "上海市静安区",
                "detail", "南京西路 1 号"), "b");
        // a stamp card of a category only this test sells, one stamp on it
        String category = unique("导出咖啡");
        admin().documentName("createStampCard").variable("input", Map.of("name", "导出集章", "stampsNeeded", 5,
                        "category", category, "period", "CALENDAR_MONTH", "rewardPoints", 100)).execute()
                .path("createStampCard.userErrors").entityList(Object.class).hasSize(0);
        till.buy(annId, unique("S"), 1_000, Map.of("items", List.of(Map.of("sku", "C1", "name", "拿铁",
                "category", category, "quantity", 1, "unitPriceCents", 1_000))))
                .path("recordPurchase.userErrors").entityList(Object.class).hasSize(0);
        // a 银卡 benefit, given at once by the purchase that raises her
        String template = admin().documentName("createCouponTemplate").variable("input", Map.of("name", "银卡月礼",
                        "kind", "AMOUNT_OFF", "amountOffCents", 500, "thresholdCents", 2_000, "validDays", 30,
                        "perMemberLimit", 50)).execute()
                .path("createCouponTemplate.template.id").entity(String.class).get();
        admin().documentName("setTierBenefits").variable("input", Map.of("tierLevel", 1, "items",
                        List.of(Map.of("couponTemplateId", template, "quantity", 1)))).execute()
                .path("setTierBenefits.userErrors").entityList(Object.class).hasSize(0);
        till.earn(annId, unique("T"), 90_000);
        // stored value recharged at the till
        String pack = admin().documentName("createRechargePackage").variable("input", Map.of("name", "充100送10",
                        "payCents", 10_000, "bonusCents", 1_000)).execute()
                .path("createRechargePackage.rechargePackage.id").entity(String.class).get();
        String code = ann.documentName("memberCode").execute().path("memberCode.token").entity(String.class).get();
        newStaff(store, "CLERK").documentName("rechargeAtTill").variable("input", Map.of("memberCodeToken", code,
                        "packageId", pack, "receiptNo", unique("RC"), "paidBy", "CASH")).execute()
                .path("rechargeAtTill.userErrors").entityList(Object.class).hasSize(0);
        // an event she signed up for
        String event = publishedEvent(store, clock.instant().plus(Duration.ofDays(3)), 5);
        signUp(ann, event).path("signUpForEvent.signUp.status").entity(String.class).isEqualTo("CONFIRMED");

        var response = ann.documentName("exportMyData").execute();
        String text = response.path("exportMyData.json").entity(String.class).get();
        JsonNode doc = json.readTree(text);

        JsonNode redemption = doc.get("mallRedemptions").get(0);
        assertThat(doc.get("mallRedemptions")).hasSize(count("mall_redemption", annId)).hasSize(1);
        assertThat(redemption.get("address").asString()).isEqualTo(FULL_ADDRESS);
        assertThat(redemption.get("state").asString()).isEqualTo("AWAITING_SHIPMENT");
        assertThat(redemption.get("points_price").asLong()).isEqualTo(300);
        JsonNode card = doc.get("stampCards").get(0);
        assertThat(doc.get("stampCards")).hasSize(count("member_stamp_card", annId)).hasSize(1);
        assertThat(card.get("card").asString()).isEqualTo("导出集章");
        assertThat(card.get("stamps_collected").asInt()).isEqualTo(1);
        assertThat(card.get("stamps")).hasSize(1);
        assertThat(doc.get("tierBenefits")).hasSize(count("tier_benefit_grant", annId)).hasSize(1);
        assertThat(doc.get("tierBenefits").get(0).get("coupon_ids")).hasSize(1);
        assertThat(doc.get("tierHistory")).hasSize(1);
        assertThat(doc.get("storedValueRecharges")).hasSize(count("wallet_recharge", annId)).hasSize(1);
        assertThat(doc.get("storedValueRecharges").get(0).get("pay_cents").asLong()).isEqualTo(10_000);
        assertThat(doc.get("storedValueHistory")).hasSize(count("wallet_txn", annId)).hasSize(1);
        assertThat(doc.get("storedValueHistory").get(0).get("bonus_cents").asLong()).isEqualTo(1_000);
        assertThat(doc.get("eventSignUps")).hasSize(count("member_event_signup", annId)).hasSize(1);
        assertThat(doc.get("eventSignUps").get(0).get("status").asString()).isEqualTo("CONFIRMED");
        // nothing of ben's: not his address, not his redemption
        assertThat(text).doesNotContain("李本").doesNotContain("13900001111").doesNotContain("南京西路");
        // and staff still see the address masked only
        newMarketer().document("{ mallRedemptions(filter: {fulfilment: DELIVERY}, first: 100) { edges { node { memberId address } } } }")
                .execute().path("mallRedemptions.edges[?(@.node.memberId == '" + annId + "')].node.address")
                .entityList(String.class).satisfies(seen -> assertThat(seen).singleElement().asString()
                        .startsWith("王** 138****5678").doesNotContain("漕溪北路"));
    }

    @Test
    void closingTheAccountErasesTheAddressGivesUpComingPlacesAndKeepsTheRedemptionsAndTheirPoints() {
        String store = createStore("注销店");
        HttpGraphQlTester marketer = newMarketer();
        String name = unique("leaver");
        HttpGraphQlTester leaver = richMember(name, 2_000);
        long id = Long.parseLong(idOf(leaver));
        String parcel = goods(Map.of("fulfilment", "DELIVERY", "pointsPrice", 300));
        String shipped = redeem(leaver, parcel, ADDRESS, "ship");
        String cancelled = redeem(leaver, parcel, ADDRESS, "cancel");
        leaver.document("mutation($id: ID!) { cancelMallRedemption(input: {redemptionId: $id, reason: \"搬家了，地址不对\"}) { userErrors { code } } }")
                .variable("id", cancelled).execute().path("cancelMallRedemption.userErrors").entityList(Object.class).hasSize(0);
        // a place in an event three weeks away (after the cooling-off period), with another member waiting
        String event = publishedEvent(store, clock.instant().plus(Duration.ofDays(21)), 1);
        String waiterName = unique("waiter");
        signUp(leaver, event)
                .path("signUpForEvent.signUp.status").entity(String.class).isEqualTo("CONFIRMED");
        signUp(member(waiterName), event)
                .path("signUpForEvent.signUp.status").entity(String.class).isEqualTo("WAITING");

        // a parcel not shipped yet holds the closure back: erasure would take the address it needs
        leaver.documentName("closeAccount").variable("confirm", true).execute()
                .path("closeAccount.closesAt").valueIsNull()
                .path("closeAccount.userErrors[0].code").entity(String.class).isEqualTo("ACCOUNT_CLOSURE_BLOCKED")
                .path("closeAccount.userErrors[0].message").entity(String.class).satisfies(m -> assertThat(m)
                        .contains("1 份积分商城兑换尚未完成"));
        marketer.document("mutation($id: ID!) { shipMallRedemption(input: {redemptionId: $id, trackingNumber: \"SF1234567890\"}) { userErrors { code } } }")
                .variable("id", shipped).execute().path("shipMallRedemption.userErrors").entityList(Object.class).hasSize(0);
        leaver.documentName("closeAccount").variable("confirm", true).execute()
                .path("closeAccount.userErrors").entityList(Object.class).hasSize(0);
        Map<String, Long> books = books(id);

        clock.advance(Duration.ofDays(8));
        assertThat(admin().documentName("runJob").variable("job", "ACCOUNT_ERASURE").execute()
                .path("runJob.summary").entity(String.class).get()).containsPattern("erased [1-9][0-9]* closed");

        // the address, its tracking number and the member's own words are gone from the rows themselves
        List<String> rows = db.sql("select row_to_json(r)::text as j from mall_redemption r where member_id = :m order by id")
                .bind("m", id).map(r -> r.get("j", String.class)).all().collectList().block();
        assertThat(rows).hasSize(2).allSatisfy(row -> assertThat(row).doesNotContain("王").doesNotContain("5678")
                .doesNotContain("漕溪北路").doesNotContain("SF1234567890").doesNotContain("搬家")
                .contains("\"address_cipher\":null").contains("\"address_masked\":null"));
        assertThat(db.sql("select string_agg(state, ',' order by id) as s from mall_redemption where member_id = :m")
                .bind("m", id).map(r -> r.get("s", String.class)).one().block()).isEqualTo("SHIPPED,CANCELLED");
        // the points paid and given back stay in the ledger, the balance with them
        assertThat(books(id)).isEqualTo(books);
        newMarketer().document("{ mallRedemptions(filter: {fulfilment: DELIVERY}, first: 100) { edges { node { id address trackingNumber } } } }")
                .execute().path("mallRedemptions.edges[?(@.node.id == '" + shipped + "')].node.address")
                .entityList(Object.class).satisfies(a -> assertThat(a).containsExactly((Object) null));
        // the place went to the member waiting; the event still has one place taken
        assertThat(db.sql("""
                        select string_agg(s.status, ',' order by s.queue_no) as s from member_event_signup s
                        where s.event_id = :e
                        """).bind("e", Long.parseLong(event)).map(r -> r.get("s", String.class)).one().block())
                .isEqualTo("CANCELLED,CONFIRMED");
        member(waiterName).document("{ myEventSignUps { edges { node { status } } } }").execute()
                .path("myEventSignUps.edges[0].node.status").entity(String.class).isEqualTo("CONFIRMED");
        assertThat(db.sql("select confirmed from member_event where id = :e").bind("e", Long.parseLong(event))
                .map(r -> r.get("confirmed", Integer.class)).one().block()).isEqualTo(1);
    }

    private HttpGraphQlTester richMember(String name, long points) {
        HttpGraphQlTester member = member(name);
        admin().documentName("adjustPoints").variable("input", Map.of("memberId", idOf(member), "delta", points,
                        "reason", "测试积分", "idempotencyKey", unique("adj"))).execute()
                .path("adjustPoints.userErrors").entityList(Object.class).hasSize(0);
        return member;
    }

    /** Goods on sale with these settings; their id. */
    private String goods(Map<String, Object> settings) {
        return TestMallGoods.onSale(newMarketer(), settings);
    }

    private static String redeem(HttpGraphQlTester member, String goods, Map<String, Object> address, String key) {
        return member.document(REDEEM).variable("input", Map.of("goodsId", goods, "address", address, "idempotencyKey", key))
                .execute().path("redeemMallGoods.userErrors").entityList(Object.class).hasSize(0)
                .path("redeemMallGoods.redemption.id").entity(String.class).get();
    }

    private String publishedEvent(String store, Instant startsAt, int capacity) {
        HttpGraphQlTester manager = newStaff(store, "STORE_MANAGER");
        Map<String, Object> input = new HashMap<>(Map.of("title", "品鉴会", "capacity", capacity, "points", 20,
                "startsAt", at(startsAt), "endsAt", at(startsAt.plus(Duration.ofHours(2)))));
        String id = manager.document("mutation($input: CreateMemberEventInput!) { createMemberEvent(input: $input) { event { id } userErrors { code } } }")
                .variable("input", input).execute()
                .path("createMemberEvent.userErrors").entityList(Object.class).hasSize(0)
                .path("createMemberEvent.event.id").entity(String.class).get();
        manager.document("mutation($id: ID!) { publishMemberEvent(input: { eventId: $id }) { userErrors { code } } }")
                .variable("id", id).execute().path("publishMemberEvent.userErrors").entityList(Object.class).hasSize(0);
        return id;
    }

    private static org.springframework.graphql.test.tester.GraphQlTester.Response signUp(HttpGraphQlTester member,
                                                                                        String event) {
        return member.document("mutation($id: ID!) { signUpForEvent(input: { eventId: $id }) { signUp { status } userErrors { code } } }")
                .variable("id", event).execute();
    }

    private static String at(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.ofHours(8)).toString();
    }

    private int count(String table, String memberId) {
        return db.sql("select count(*) as n from " + table + " where member_id = :m").bind("m", Long.parseLong(memberId))
                .map(r -> r.get("n", Long.class)).one().block().intValue();
    }

    /** The member's ledger (entries, sum, mall kinds) and balance. */
    private Map<String, Long> books(long memberId) {
        return db.sql("""
                        select (select count(*) from points_ledger where member_id = :m) as entries,
                               (select coalesce(sum(delta), 0) from points_ledger where member_id = :m)::bigint as ledger,
                               (select count(*) from points_ledger where member_id = :m
                                  and kind in ('MALL_REDEEM', 'MALL_RETURN')) as mall,
                               (select balance from member_points where member_id = :m) as balance
                        """)
                .bind("m", memberId)
                .map(r -> Map.of("entries", r.get("entries", Long.class), "ledger", r.get("ledger", Long.class),
                        "mall", r.get("mall", Long.class), "balance", r.get("balance", Long.class)))
                .one().block();
    }
}
