package com.loyalty.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.loyalty.support.IntegrationTest;
import com.loyalty.support.MachineClients;
import com.loyalty.support.TestCoupons;
import com.loyalty.support.Till;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/**
 * A store's POS and the online shop recording purchases with their own credentials: the POS with the
 * member's scanned code (coupons, points and the stored-value card, as the till), idempotent by its
 * own order number, refunds; the shop by member id, earning only. Each is audited as the client.
 */
class PosPurchaseTest extends IntegrationTest {

    static final String RECORD = """
            mutation($input: RecordPurchaseInput!) { recordPurchase(input: $input) { replayed
              purchase { id orderNo storeId channel amountCents couponDiscountCents pointsRedeemed redeemedCents paidCents
                         pointsEarned refundedCents }
              userErrors { field message code } } }""";
    static final String REFUND = """
            mutation($input: RefundPurchaseInput!) { refundPurchase(input: $input) { replayed
              refund { refundNo amountCents pointsReversed pointsReturned couponsReturned cashToReturnCents }
              purchase { refundedCents } userErrors { field message code } } }""";

    private String store;
    private Till clerk;
    private MachineClients.Credentials posCredentials;
    private HttpGraphQlTester pos;

    @BeforeEach
    void openStoreWithAPos() {
        store = createStore("pos");
        clerk = new Till(newStaff(store, "CLERK"));
        posCredentials = MachineClients.create(admin(), unique("收银机"), "POS",
                List.of("purchases:write", "purchases:refund", "coupons:redeem"), List.of(store));
        pos = withToken(MachineClients.token(http(), posCredentials));
    }

    private static String code(HttpGraphQlTester member) {
        return member.documentName("memberCode").execute().path("memberCode.token").entity(String.class).get();
    }

    private static GraphQlTester.Response record(HttpGraphQlTester client, Map<String, Object> input) {
        return client.document(RECORD).variable("input", input).execute();
    }

    private String claimedCoupon(HttpGraphQlTester member) {
        return TestCoupons.claimedAmountOff(admin(), member, unique("k"));
    }

    private long balance(HttpGraphQlTester member) {
        return member.documentName("myPoints").execute().path("me.pointsBalance").entity(Long.class).get();
    }

    @Test
    void aPosRecordsAPurchaseWithTheScannedCodeRedeemingACouponAndPayingWithPoints() {
        HttpGraphQlTester member = member(unique("shopper"));
        clerk.earn(idOf(member), "E-1", 50_000);
        long before = balance(member);
        String coupon = claimedCoupon(member);

        record(pos, Map.of("memberCodeToken", code(member), "orderNo", "POS-1001", "amountCents", 30_000,
                "couponIds", List.of(coupon), "pointsToRedeem", 100))
                .path("recordPurchase.userErrors").entityList(Object.class).hasSize(0)
                .path("recordPurchase.replayed").entity(Boolean.class).isEqualTo(false)
                .path("recordPurchase.purchase.storeId").entity(String.class).isEqualTo(store)
                .path("recordPurchase.purchase.couponDiscountCents").entity(Long.class).isEqualTo(5_000L)
                .path("recordPurchase.purchase.pointsRedeemed").entity(Long.class).isEqualTo(100L)
                .path("recordPurchase.purchase.redeemedCents").entity(Long.class).satisfies(v -> assertThat(v).isPositive());

        long earned = db.sql("select points_earned from purchase where store_id = :s and order_no = 'POS-1001'")
                .bind("s", Long.parseLong(store)).map(row -> row.get("points_earned", Long.class)).one().block();
        assertThat(balance(member)).isEqualTo(before - 100 + earned);
        member.documentName("myCoupons").variable("status", "USABLE").execute()
                .path("me.coupons.edges").entityList(Object.class).hasSize(0);
        // recorded as the client, not as a staff member
        Map<String, Object> row = db.sql("select recorded_by, recorded_by_client from purchase where order_no = 'POS-1001'"
                        + " and store_id = :s").bind("s", Long.parseLong(store)).fetch().one().block();
        assertThat(row.get("recorded_by")).isNull();
        assertThat(row.get("recorded_by_client")).isEqualTo(Long.parseLong(posCredentials.clientId()));
        admin().document("query($id: ID!) { staffActions(clientId: $id, action: \"RECORD_PURCHASE\") {"
                        + " edges { node { staffId clientId clientName storeId memberId detail } } } }")
                .variable("id", posCredentials.clientId()).execute()
                .path("staffActions.edges[0].node.clientId").entity(String.class).isEqualTo(posCredentials.clientId())
                .path("staffActions.edges[0].node.clientName").entity(String.class).satisfies(n -> assertThat(n).startsWith("收银机"))
                .path("staffActions.edges[0].node.staffId").valueIsNull()
                .path("staffActions.edges[0].node.storeId").entity(String.class).isEqualTo(store)
                .path("staffActions.edges[0].node.memberId").entity(String.class).isEqualTo(idOf(member));
    }

    @Test
    void aRetryWithTheSameOrderNumberAnswersTheFirstResultAndTwentyAtOnceRecordOnePurchase() {
        HttpGraphQlTester member = member(unique("retry"));
        clerk.earn(idOf(member), "E-1", 50_000);
        String token = code(member);
        Map<String, Object> input = Map.of("memberCodeToken", token, "orderNo", "POS-2001", "amountCents", 10_000,
                "pointsToRedeem", 50);
        String first = record(pos, input).path("recordPurchase.purchase.id").entity(String.class).get();
        record(pos, input).path("recordPurchase.replayed").entity(Boolean.class).isEqualTo(true)
                .path("recordPurchase.purchase.id").entity(String.class).isEqualTo(first);

        long before = balance(member);
        String again = code(member);
        Map<String, Object> parallel = Map.of("memberCodeToken", again, "orderNo", "POS-2002", "amountCents", 20_000,
                "pointsToRedeem", 70);
        List<String> ids = inParallel(20, i -> record(pos, parallel)
                .path("recordPurchase.userErrors").entityList(Object.class).hasSize(0)
                .path("recordPurchase.purchase.id").entity(String.class).get());
        assertThat(ids).hasSize(20).containsOnly(ids.get(0));
        assertThat(db.sql("select count(*) as n from purchase where store_id = :s and order_no = 'POS-2002'")
                .bind("s", Long.parseLong(store)).map(r -> r.get("n", Long.class)).one().block()).isEqualTo(1L);
        long earned = db.sql("select points_earned from purchase where id = :id").bind("id", Long.parseLong(ids.get(0)))
                .map(r -> r.get("points_earned", Long.class)).one().block();
        assertThat(balance(member)).isEqualTo(before - 70 + earned);
        // (the invariant that balances equal ledgers is checked after every test)
    }

    @Test
    void thePosRefundsItsOrderOnceByRefundNumber() {
        HttpGraphQlTester member = member(unique("refund"));
        record(pos, Map.of("memberCodeToken", code(member), "orderNo", "POS-3001", "amountCents", 10_000))
                .path("recordPurchase.userErrors").entityList(Object.class).hasSize(0);
        long before = balance(member);
        Map<String, Object> input = Map.of("orderNo", "POS-3001", "refundNo", "R-1", "amountCents", 10_000);
        pos.document(REFUND).variable("input", input).execute()
                .path("refundPurchase.userErrors").entityList(Object.class).hasSize(0)
                .path("refundPurchase.replayed").entity(Boolean.class).isEqualTo(false)
                .path("refundPurchase.purchase.refundedCents").entity(Long.class).isEqualTo(10_000L);
        pos.document(REFUND).variable("input", input).execute()
                .path("refundPurchase.replayed").entity(Boolean.class).isEqualTo(true);
        assertThat(balance(member)).isLessThan(before);
        assertThat(db.sql("select recorded_by_client from refund where refund_no = 'R-1' and purchase_id ="
                        + " (select id from purchase where store_id = :s and order_no = 'POS-3001')")
                .bind("s", Long.parseLong(store)).map(r -> r.get("recorded_by_client", Long.class)).one().block())
                .isEqualTo(Long.parseLong(posCredentials.clientId()));
    }

    @Test
    void theOnlineShopEarnsByMemberIdButCannotSpend() {
        HttpGraphQlTester member = member(unique("online"));
        String id = idOf(member);
        clerk.earn(id, "E-1", 50_000);
        String coupon = claimedCoupon(member);
        HttpGraphQlTester shop = withToken(MachineClients.token(http(), MachineClients.create(admin(), unique("网店"),
                "SHOP", List.of("purchases:write", "coupons:redeem"), List.of())));
        long before = balance(member);

        record(shop, Map.of("memberId", id, "storeId", store, "orderNo", "WEB-1", "amountCents", 30_000,
                "channel", "ONLINE"))
                .path("recordPurchase.userErrors").entityList(Object.class).hasSize(0)
                .path("recordPurchase.purchase.channel").entity(String.class).isEqualTo("ONLINE")
                .path("recordPurchase.purchase.pointsEarned").entity(Long.class).satisfies(v -> assertThat(v).isPositive());
        long afterEarning = balance(member);
        assertThat(afterEarning).isGreaterThan(before);

        for (Map.Entry<String, Object> spending : List.<Map.Entry<String, Object>>of(Map.entry("pointsToRedeem", 100),
                Map.entry("couponIds", List.of(coupon)), Map.entry("walletAmountCents", 100))) {
            Map<String, Object> input = new HashMap<>(Map.of("memberId", id, "storeId", store, "orderNo", unique("WEB"),
                    "amountCents", 30_000, "channel", "ONLINE"));
            input.put(spending.getKey(), spending.getValue());
            record(shop, input).path("recordPurchase.purchase").valueIsNull()
                    .path("recordPurchase.userErrors[0].code").entity(String.class).isEqualTo("MEMBER_PROOF_REQUIRED");
        }
        assertThat(balance(member)).isEqualTo(afterEarning);
    }

    @Test
    void aPosWithoutTheCouponScopeCannotRedeemCouponsOrSendATillProof() {
        HttpGraphQlTester member = member(unique("noscope"));
        String coupon = claimedCoupon(member);
        HttpGraphQlTester plain = withToken(MachineClients.token(http(), MachineClients.create(admin(), unique("POS"),
                "POS", List.of("purchases:write"), List.of(store))));

        record(plain, Map.of("memberCodeToken", code(member), "orderNo", "POS-4001", "amountCents", 30_000,
                "couponIds", List.of(coupon)))
                .errors().satisfy(errors -> assertThat(errors).singleElement()
                        .satisfies(e -> assertThat(e.getErrorType().toString()).isEqualTo("FORBIDDEN")));
        record(plain, Map.of("tillProof", "whatever", "orderNo", "POS-4002", "amountCents", 30_000))
                .path("recordPurchase.userErrors[0].field").entityList(String.class).containsExactly("input", "tillProof");
        // and another store's id is refused like a clerk of another store
        record(plain, Map.of("memberCodeToken", code(member), "storeId", createStore("else"), "orderNo", "POS-4003",
                "amountCents", 1_000))
                .errors().satisfy(errors -> assertThat(errors).singleElement()
                        .satisfies(e -> assertThat(e.getErrorType().toString()).isEqualTo("FORBIDDEN")));
    }
}
