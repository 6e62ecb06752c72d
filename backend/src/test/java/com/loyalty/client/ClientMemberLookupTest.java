package com.loyalty.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.loyalty.support.IntegrationTest;
import com.loyalty.support.MachineClients;
import com.loyalty.support.TestCoupons;
import com.loyalty.support.Till;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/**
 * A POS (scope members:read) looks a member up as the till shows them: by the scanned member code,
 * which stays usable for the purchase that follows, or by member id within its stores; never by
 * phone. Every call of a client, reads included, is in the audit trail under the client's name.
 */
class ClientMemberLookupTest extends IntegrationTest {

    static final String SUMMARY = """
            query($code: String, $memberId: ID) { memberSummary(code: $code, memberId: $memberId) {
              id nickname phone tier { level name } pointsBalance walletBalanceCents
              coupons(first: 10) { totalCount edges { node { id status template { name } } } } } }""";

    private String store;
    private String otherStore;
    private Till clerk;
    private MachineClients.Credentials posCredentials;
    private HttpGraphQlTester pos;

    @BeforeEach
    void openStoreWithAPos() {
        store = createStore("lookup");
        otherStore = createStore("lookup-other");
        clerk = new Till(newStaff(store, "CLERK"));
        posCredentials = MachineClients.create(admin(), unique("收银机"), "POS",
                List.of("members:read", "purchases:write", "orders:read"), List.of(store));
        pos = withToken(MachineClients.token(http(), posCredentials));
    }

    private static GraphQlTester.Response summary(HttpGraphQlTester client, String code, String memberId) {
        var request = client.document(SUMMARY);
        if (code != null) {
            request = request.variable("code", code);
        }
        if (memberId != null) {
            request = request.variable("memberId", memberId);
        }
        return request.execute();
    }

    private static Map<String, String> code(HttpGraphQlTester member) {
        return member.document("{ memberCode { token digits } }").execute().path("memberCode")
                .entity(new org.springframework.core.ParameterizedTypeReference<Map<String, String>>() {
                }).get();
    }

    private static void answersError(GraphQlTester.Response response, String code) {
        response.errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(e -> assertThat(
                e.getExtensions().getOrDefault("code", e.getErrorType().toString()).toString()).isEqualTo(code)));
    }

    private List<Map<String, Object>> actionsOf(String clientId) {
        return admin().document("""
                        query($id: ID!) { staffActions(clientId: $id, first: 100) {
                          edges { node { action clientId clientName staffId storeId memberId detail } } } }""")
                .variable("id", clientId).execute()
                .path("staffActions.edges[*].node")
                .entityList(new org.springframework.core.ParameterizedTypeReference<Map<String, Object>>() {
                }).get();
    }

    @Test
    void aPosReadsTheScannedMemberAsTheTillShowsThemAndTheSameCodeThenPays() {
        HttpGraphQlTester member = member(unique("lookup"));
        String memberId = idOf(member);
        String phone = bindFreshPhone(member);
        member.document("mutation { updateProfile(input: {nickname: \"小林\"}) { userErrors { code } } }").execute()
                .path("updateProfile.userErrors").entityList(Object.class).hasSize(0);
        clerk.earn(memberId, "E-1", 50_000);
        String coupon = TestCoupons.claimedAmountOff(admin(), member, unique("k"));
        long points = member.documentName("myPoints").execute().path("me.pointsBalance").entity(Long.class).get();
        Map<String, String> code = code(member);

        for (String scanned : List.of(code.get("token"), code.get("digits"))) {
            summary(pos, scanned, null)
                    .path("memberSummary.id").entity(String.class).isEqualTo(memberId)
                    .path("memberSummary.nickname").entity(String.class).isEqualTo("小林")
                    .path("memberSummary.phone").entity(String.class)
                    .isEqualTo(phone.substring(0, 3) + "****" + phone.substring(7))
                    .path("memberSummary.tier.name").hasValue()
                    .path("memberSummary.pointsBalance").entity(Long.class).isEqualTo(points)
                    .path("memberSummary.walletBalanceCents").entity(Long.class).isEqualTo(0L)
                    .path("memberSummary.coupons.totalCount").entity(Long.class).isEqualTo(1L)
                    .path("memberSummary.coupons.edges[0].node.id").entity(String.class).isEqualTo(coupon);
        }
        // reading the code did not use it up: the same code pays with points in the purchase that follows
        pos.document("""
                        mutation($code: String!) { recordPurchase(input: {memberCodeToken: $code, orderNo: "LOOKUP-1",
                          amountCents: 10000, pointsToRedeem: 100}) { purchase { id pointsRedeemed } userErrors { code } } }""")
                .variable("code", code.get("token")).execute()
                .path("recordPurchase.userErrors").entityList(Object.class).hasSize(0)
                .path("recordPurchase.purchase.pointsRedeemed").entity(Long.class).isEqualTo(100L);
        assertThat(db.sql("select member_id from purchase where order_no = 'LOOKUP-1'").map(r -> r.get("member_id", Long.class))
                .one().block()).isEqualTo(Long.parseLong(memberId));

        // audited as the client, with the member
        List<Map<String, Object>> reads = actionsOf(posCredentials.clientId()).stream()
                .filter(a -> a.get("action").equals("CLIENT_READ_MEMBER")).toList();
        assertThat(reads).hasSize(2).allSatisfy(read -> {
            assertThat(read).containsEntry("memberId", memberId).containsEntry("clientId", posCredentials.clientId())
                    .containsEntry("storeId", store).containsEntry("detail", "by member code");
            assertThat(read.get("staffId")).isNull();
            assertThat(read.get("clientName")).asString().contains("收银机");
        });
    }

    @Test
    void byIdAClientOfOneStoreSeesItsStoresMembersAndABrandWideClientAnyOfTheBrand() {
        String ownMember = idOf(memberOf(store, unique("own")));
        HttpGraphQlTester buyer = member(unique("bought"));
        String boughtHere = idOf(buyer);
        clerk.earn(boughtHere, "E-2", 1_000);
        String elsewhere = idOf(memberOf(otherStore, unique("elsewhere")));

        summary(pos, null, ownMember).path("memberSummary.id").entity(String.class).isEqualTo(ownMember);
        summary(pos, null, boughtHere).path("memberSummary.id").entity(String.class).isEqualTo(boughtHere);
        summary(pos, null, elsewhere).path("memberSummary").valueIsNull();
        summary(pos, null, "999999999").path("memberSummary").valueIsNull();

        HttpGraphQlTester erp = withToken(MachineClients.token(http(), MachineClients.create(admin(), unique("ERP"),
                "ERP", List.of("members:read"), List.of())));
        summary(erp, null, elsewhere).path("memberSummary.id").entity(String.class).isEqualTo(elsewhere);

        List<Map<String, Object>> reads = actionsOf(posCredentials.clientId()).stream()
                .filter(a -> a.get("action").equals("CLIENT_READ_MEMBER")).toList();
        assertThat(reads).extracting(a -> a.get("detail")).containsExactly(
                "by member id 999999999: no such member", "by member id: not a member of its stores",
                "by member id", "by member id");
    }

    @Test
    void badLookupsAnswerClearCodesAndAClientWithoutTheScopeIsForbidden() {
        HttpGraphQlTester member = member(unique("code"));
        Map<String, String> code = code(member);

        answersError(summary(pos, null, null), "INVALID_INPUT");
        answersError(summary(pos, code.get("token"), idOf(member)), "INVALID_INPUT");
        answersError(summary(pos, "1.2.3.4", null), "CODE_INVALID");
        answersError(summary(pos, "not a code", null), "CODE_INVALID");
        clock.advance(Duration.ofSeconds(61));
        answersError(summary(pos, code.get("token"), null), "CODE_EXPIRED");
        // absurd input is a clear error, never INTERNAL_ERROR
        for (String[] absurd : new String[][] {{null, "abc"}, {null, "9".repeat(40)}, {null, "-1"},
                {"8".repeat(18), null}, {"x".repeat(5000), null}, {"1.2\u202e.3.4", null}}) {
            summary(pos, absurd[0], absurd[1]).errors().satisfy(errors -> assertThat(errors).allSatisfy(e -> assertThat(
                    e.getExtensions().getOrDefault("code", e.getErrorType().toString()).toString())
                    .isNotEqualTo("INTERNAL_ERROR")));
        }
        // no search by phone at all: the field has no such argument
        pos.document("{ memberSummary(phone: \"13800000000\") { id } }").execute().errors()
                .satisfy(errors -> assertThat(errors).isNotEmpty());

        HttpGraphQlTester ordersOnly = withToken(MachineClients.token(http(), MachineClients.create(admin(),
                unique("POS"), "POS", List.of("orders:read", "purchases:write"), List.of(store))));
        answersError(summary(ordersOnly, code(member).get("token"), null), "FORBIDDEN");
    }

    @Test
    void aClientOfStoreACannotReadTheOrdersOfStoreB() {
        HttpGraphQlTester member = member(unique("twostores"));
        String memberId = idOf(member);
        String phone = bindFreshPhone(member);
        clerk.earn(memberId, "A-1", 1_000);
        String orderB = new Till(newStaff(otherStore, "CLERK")).buy(memberId, "B-1", 2_000)
                .path("recordPurchase.purchase.id").entity(String.class).get();

        answersError(pos.document("query($s: ID) { storeOrders(storeId: $s) { totalCount } }")
                .variable("s", otherStore).execute(), "FORBIDDEN");
        pos.document("query($id: ID!) { storeOrder(id: $id) { id } }").variable("id", orderB).execute()
                .path("storeOrder").valueIsNull();
        // searching its own store for the member finds the member's order there, never B's
        pos.document("query($q: String) { storeOrders(filter: {search: $q}) { totalCount edges { node { orderNo } } } }")
                .variable("q", phone).execute()
                .path("storeOrders.edges[*].node.orderNo").entityList(String.class).containsExactly("A-1");
    }

    @Test
    void everyCallOfAClientIsAuditedAsThatClientReadsIncluded() {
        HttpGraphQlTester member = member(unique("audit"));
        String memberId = idOf(member);
        String orderId = clerk.buy(memberId, "AUD-1", 3_000).path("recordPurchase.purchase.id").entity(String.class).get();

        pos.document("{ storeOrders { totalCount } }").execute().path("storeOrders.totalCount").entity(Long.class)
                .isEqualTo(1L);
        pos.document("query($id: ID!) { storeOrder(id: $id) { orderNo } }").variable("id", orderId).execute()
                .path("storeOrder.orderNo").entity(String.class).isEqualTo("AUD-1");
        summary(pos, null, memberId).path("memberSummary.id").entity(String.class).isEqualTo(memberId);
        pos.document("{ __typename }").execute().path("__typename").entity(String.class).isEqualTo("Query");
        answersError(pos.document("{ members { totalCount } }").execute(), "FORBIDDEN");

        List<Map<String, Object>> actions = actionsOf(posCredentials.clientId());
        assertThat(actions).allSatisfy(a -> assertThat(a).containsEntry("clientId", posCredentials.clientId()));
        assertThat(actions).extracting(a -> a.get("action")).containsExactly(
                "CLIENT_CALL", "CLIENT_CALL", "CLIENT_READ_MEMBER", "CLIENT_READ_ORDERS", "CLIENT_READ_ORDERS");
        assertThat(actions.get(0)).containsEntry("detail", "query members: FORBIDDEN");
        assertThat(actions.get(1)).containsEntry("detail", "query __typename");
        assertThat(actions.get(2)).containsEntry("memberId", memberId);
        assertThat(actions.get(3)).containsEntry("memberId", memberId).containsEntry("storeId", store)
                .containsEntry("detail", "order " + orderId + " (AUD-1)");
        assertThat(actions.get(4)).containsEntry("storeId", store);
        assertThat((String) actions.get(4).get("detail")).endsWith(": 1 found");
    }
}
