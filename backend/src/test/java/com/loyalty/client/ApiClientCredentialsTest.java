package com.loyalty.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.loyalty.support.IntegrationTest;
import com.loyalty.support.MachineClients;
import com.loyalty.support.MachineClients.Credentials;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.http.MediaType;

/**
 * The OAuth2 client-credentials token endpoint and the life of a client's credentials: good and bad
 * secrets, rotation with its grace period, revocation, changes of scopes, rate limits and the admin's
 * management of clients, every change audited.
 */
class ApiClientCredentialsTest extends IntegrationTest {

    private static final String ORDERS = "query($store: ID) { storeOrders(storeId: $store) { totalCount } }";

    private Credentials newClient(List<String> scopes, List<String> stores) {
        return MachineClients.create(admin(), unique("POS"), "POS", scopes, stores);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> tokenAnswer(String form, String authorization, int status) {
        return MachineClients.tokenRequest(http(), form, authorization).expectStatus().isEqualTo(status)
                .expectBody(Map.class).returnResult().getResponseBody();
    }

    @Test
    void aClientGetsATokenByBasicOrFormAndCallsTheFieldsOfItsScope() {
        String store = createStore("pos");
        Credentials pos = newClient(List.of("orders:read"), List.of(store));

        Map<String, Object> basic = tokenAnswer("grant_type=client_credentials", pos.basic(), 200);
        assertThat(basic).containsEntry("token_type", "Bearer").containsEntry("scope", "orders:read");
        assertThat(((Number) basic.get("expires_in")).longValue()).isBetween(890L, 900L);
        MachineClients.tokenRequest(http(), "grant_type=client_credentials", pos.basic())
                .expectHeader().valueEquals("Cache-Control", "no-store");
        Map<String, Object> form = tokenAnswer("grant_type=client_credentials&client_id=" + pos.clientId()
                + "&client_secret=" + pos.secret(), null, 200);

        for (Object token : List.of(basic.get("access_token"), form.get("access_token"))) {
            withToken((String) token).document(ORDERS).variable("store", store).execute()
                    .path("storeOrders.totalCount").entity(Long.class).isEqualTo(0L);
        }
        // a field of another scope, and anything of staff, is refused
        HttpGraphQlTester client = withToken((String) basic.get("access_token"));
        client.document("mutation { refundPurchase(input: {orderNo: \"X\", refundNo: \"R\", amountCents: 1}) { userErrors { code } } }")
                .execute().errors().satisfy(errors -> assertThat(errors).singleElement()
                        .satisfies(e -> assertThat(e.getErrorType().toString()).isEqualTo("FORBIDDEN")));
        client.document("{ members { totalCount } }").execute().errors()
                .satisfy(errors -> assertThat(errors).singleElement()
                        .satisfies(e -> assertThat(e.getErrorType().toString()).isEqualTo("FORBIDDEN")));
        // looking a member up needs members:read
        client.document("{ memberSummary(memberId: \"1\") { id } }").execute().errors()
                .satisfy(errors -> assertThat(errors).singleElement()
                        .satisfies(e -> assertThat(e.getErrorType().toString()).isEqualTo("FORBIDDEN")));
    }

    @Test
    void aClientGivenMembersReadLooksMembersUpAndAsksForATokenOfThatScopeAlone() {
        String store = createStore("members");
        Credentials pos = newClient(List.of("orders:read", "members:read"), List.of(store));
        Map<String, Object> narrow = tokenAnswer("grant_type=client_credentials&scope=members:read", pos.basic(), 200);
        assertThat(narrow).containsEntry("scope", "members:read");
        HttpGraphQlTester reader = withToken((String) narrow.get("access_token"));
        String member = idOf(memberOf(store, unique("scoped")));
        reader.document("query($id: ID) { memberSummary(memberId: $id) { id pointsBalance } }").variable("id", member)
                .execute().path("memberSummary.id").entity(String.class).isEqualTo(member);
        // the token asked for members:read only: orders are refused to it
        reader.document(ORDERS).variable("store", store).execute().errors().satisfy(errors -> assertThat(errors)
                .singleElement().satisfies(e -> assertThat(e.getErrorType().toString()).isEqualTo("FORBIDDEN")));
        // a client without the scope cannot ask for it
        assertThat(tokenAnswer("grant_type=client_credentials&scope=members:read",
                newClient(List.of("orders:read"), List.of()).basic(), 400)).containsEntry("error", "invalid_scope");
    }

    @Test
    void aWrongSecretAWrongGrantAndAbsurdInputAreRefusedAsRfc6749Says() {
        Credentials pos = newClient(List.of("orders:read"), List.of());
        Credentials wrong = new Credentials(pos.clientId(), pos.secret() + "x");

        Map<String, Object> bad = tokenAnswer("grant_type=client_credentials", wrong.basic(), 401);
        assertThat(bad).containsEntry("error", "invalid_client");
        assertThat((String) bad.get("error_description")).isEqualTo("客户端编号或密钥错误，或客户端已吊销");
        MachineClients.tokenRequest(http(), "grant_type=client_credentials", wrong.basic())
                .expectHeader().valueEquals("WWW-Authenticate", "Basic realm=\"loyalty\"");
        assertThat(tokenAnswer("grant_type=password&username=a&password=b", pos.basic(), 400))
                .containsEntry("error", "unsupported_grant_type");
        assertThat(tokenAnswer("client_id=" + pos.clientId(), pos.basic(), 400)).containsEntry("error", "invalid_request");
        assertThat(tokenAnswer("grant_type=client_credentials&grant_type=client_credentials", pos.basic(), 400))
                .containsEntry("error", "invalid_request");
        assertThat(tokenAnswer("grant_type=client_credentials&scope=purchases:write", pos.basic(), 400))
                .containsEntry("error", "invalid_scope");
        assertThat(tokenAnswer("grant_type=client_credentials&scope=" + "x".repeat(5000), pos.basic(), 400))
                .containsEntry("error", "invalid_scope");
        assertThat(tokenAnswer("grant_type=client_credentials", "Basic %%%not-base64", 401))
                .containsEntry("error", "invalid_client");
        assertThat(tokenAnswer("grant_type=client_credentials&client_id=" + "9".repeat(40) + "&client_secret=s", null, 401))
                .containsEntry("error", "invalid_client");
        assertThat(tokenAnswer("grant_type=client_credentials&client_id=abc&client_secret=" + "s".repeat(10_000), null, 401))
                .containsEntry("error", "invalid_client");
        assertThat(tokenAnswer("grant_type=client_credentials&client_id=0&client_secret=lcs_x", null, 401))
                .containsEntry("error", "invalid_client");
        // JSON instead of a form: no grant type read
        @SuppressWarnings("unchecked")
        Map<String, Object> json = http().post().uri("/oauth/token").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("grant_type", "client_credentials")).exchange().expectStatus().isBadRequest()
                .expectBody(Map.class).returnResult().getResponseBody();
        assertThat(json).containsEntry("error", "invalid_request");
        // a token that is not ours gets nothing
        withToken("not-a-token").document(ORDERS).execute().errors().satisfy(errors -> assertThat(errors)
                .singleElement().satisfies(e -> assertThat(e.getErrorType().toString()).isEqualTo("UNAUTHENTICATED")));
    }

    @Test
    void aRevokedClientStopsOnTheNextRequestAndGetsNoNewToken() {
        Credentials pos = newClient(List.of("orders:read"), List.of());
        String token = MachineClients.token(http(), pos);
        String store = createStore("revoked");
        withToken(token).document(ORDERS).variable("store", store).execute().path("storeOrders.totalCount").hasValue();

        admin().document("mutation($id: ID!) { revokeApiClient(input: {id: $id, reason: \"POS 报废\"}) {"
                        + " client { status revokedAt } userErrors { code } } }")
                .variable("id", pos.clientId()).execute()
                .path("revokeApiClient.client.status").entity(String.class).isEqualTo("REVOKED");

        http().post().uri("/graphql").header("Authorization", "Bearer " + token).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("query", "{ __typename }")).exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().valueEquals("WWW-Authenticate", "Bearer error=\"invalid_token\"")
                .expectBody().jsonPath("$.errors[0].extensions.classification").isEqualTo("UNAUTHENTICATED");
        assertThat(tokenAnswer("grant_type=client_credentials", pos.basic(), 401)).containsEntry("error", "invalid_client");
        // a revoked client cannot be changed or given a new secret
        admin().document("mutation($id: ID!) { rotateApiClientSecret(input: {id: $id}) { clientSecret userErrors { code message } } }")
                .variable("id", pos.clientId()).execute()
                .path("rotateApiClientSecret.clientSecret").valueIsNull()
                .path("rotateApiClientSecret.userErrors[0].code").entity(String.class).isEqualTo("API_CLIENT_REVOKED");
    }

    @Test
    void aRotatedSecretKeepsWorkingForTheGracePeriodThenStops() {
        Credentials pos = newClient(List.of("orders:read"), List.of());
        String rotated = admin().document("mutation($id: ID!) { rotateApiClientSecret(input: {id: $id}) {"
                        + " clientSecret client { previousSecretExpiresAt } userErrors { code } } }")
                .variable("id", pos.clientId()).execute()
                .path("rotateApiClientSecret.client.previousSecretExpiresAt").hasValue()
                .path("rotateApiClientSecret.clientSecret").entity(String.class).get();
        Credentials fresh = new Credentials(pos.clientId(), rotated);
        assertThat(rotated).isNotEqualTo(pos.secret());

        // within the grace period both secrets work
        MachineClients.token(http(), pos);
        MachineClients.token(http(), fresh);
        clock.advance(Duration.ofHours(23));
        String late = MachineClients.token(http(), pos);
        assertThat(late).isNotBlank();
        // after it, only the new one
        clock.advance(Duration.ofHours(2));
        assertThat(tokenAnswer("grant_type=client_credentials", pos.basic(), 401)).containsEntry("error", "invalid_client");
        String token = MachineClients.token(http(), fresh);
        withToken(token).document(ORDERS).variable("store", createStore("rotated")).execute()
                .path("storeOrders.totalCount").hasValue();
    }

    @Test
    void changingAClientsScopesEndsItsTokensAndTheNextOneCarriesTheNewScopes() {
        String store = createStore("scopes");
        Credentials pos = newClient(List.of("orders:read"), List.of(store));
        String token = MachineClients.token(http(), pos);

        admin().document("mutation($id: ID!) { updateApiClient(input: {id: $id, scopes: [\"purchases:write\"]}) {"
                        + " client { scopes } userErrors { code } } }")
                .variable("id", pos.clientId()).execute()
                .path("updateApiClient.client.scopes").entityList(String.class).containsExactly("purchases:write");

        http().post().uri("/graphql").header("Authorization", "Bearer " + token).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("query", "{ __typename }")).exchange().expectStatus().isUnauthorized();
        withToken(MachineClients.token(http(), pos)).document(ORDERS).variable("store", store).execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement()
                        .satisfies(e -> assertThat(e.getErrorType().toString()).isEqualTo("FORBIDDEN")));
    }

    @Test
    void aClientActsOnlyForItsStores() {
        String own = createStore("own");
        String other = createStore("other");
        HttpGraphQlTester pos = withToken(MachineClients.token(http(), newClient(List.of("orders:read"), List.of(own))));

        pos.document(ORDERS).variable("store", own).execute().path("storeOrders.totalCount").hasValue();
        // its only store is the default
        pos.document(ORDERS).execute().path("storeOrders.totalCount").hasValue();
        pos.document(ORDERS).variable("store", other).execute().errors().satisfy(errors -> assertThat(errors)
                .singleElement().satisfies(e -> assertThat(e.getErrorType().toString()).isEqualTo("FORBIDDEN")));
    }

    @Test
    void aClientPastItsRateGetsA429AndTokenRequestsAreLimitedToo() {
        Credentials pos = newClient(List.of("orders:read"), List.of());
        String token = MachineClients.token(http(), pos);
        List<Integer> statuses = inParallel(640, i -> http().post().uri("/graphql")
                .header("Authorization", "Bearer " + token).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("query", "{ __typename }")).exchange().returnResult(String.class)
                .getStatus().value());
        assertThat(statuses.stream().filter(s -> s == 200).count()).isEqualTo(600);
        assertThat(statuses.stream().filter(s -> s == 429).count()).isEqualTo(40);
        http().post().uri("/graphql").header("Authorization", "Bearer " + token).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("query", "{ __typename }")).exchange()
                .expectStatus().isEqualTo(429).expectHeader().exists("Retry-After")
                .expectBody().jsonPath("$.errors[0].extensions.classification").isEqualTo("RATE_LIMITED")
                .jsonPath("$.errors[0].message").isEqualTo("请求太频繁，请稍后再试");

        Credentials other = newClient(List.of("orders:read"), List.of());
        for (int i = 0; i < 30; i++) {
            MachineClients.token(http(), other);
        }
        assertThat(tokenAnswer("grant_type=client_credentials", other.basic(), 429)).containsEntry("error", "rate_limited");
    }

    @Test
    void anAdminListsCreatesAndChangesClientsEveryChangeAudited() {
        String store = createStore("list");
        String name = unique("网店");
        var created = admin().document(MachineClients.CREATE)
                .variable("input", Map.of("name", name, "kind", "SHOP", "scopes", List.of("purchases:write"))).execute()
                .path("createApiClient.client.storeIds").entityList(String.class).hasSize(0)
                .path("createApiClient.clientSecret").entity(String.class).satisfies(s -> assertThat(s).startsWith("lcs_"))
                .path("createApiClient.clientId").entity(String.class).get();
        // the same name again, unknown scopes, absurd names and stores of nobody are userErrors in Chinese
        admin().document(MachineClients.CREATE)
                .variable("input", Map.of("name", name, "kind", "SHOP", "scopes", List.of("purchases:write"))).execute()
                .path("createApiClient.userErrors[0].code").entity(String.class).isEqualTo("API_CLIENT_NAME_TAKEN");
        admin().document(MachineClients.CREATE)
                .variable("input", Map.of("name", unique("x"), "kind", "SHOP", "scopes", List.of("everything"))).execute()
                .path("createApiClient.userErrors[0].message").entity(String.class).isEqualTo("未知的权限：everything");
        admin().document(MachineClients.CREATE)
                .variable("input", Map.of("name", "x".repeat(65), "kind", "SHOP", "scopes", List.of("purchases:write")))
                .execute().path("createApiClient.userErrors[0].code").entity(String.class).isEqualTo("INVALID_INPUT");
        admin().document(MachineClients.CREATE)
                .variable("input", Map.of("name", unique("y"), "kind", "POS", "scopes", List.of("purchases:write"),
                        "storeIds", List.of("999999999"))).execute()
                .path("createApiClient.userErrors[0].code").entity(String.class).isEqualTo("STORE_NOT_FOUND");

        admin().document("mutation($id: ID!, $store: ID!) { updateApiClient(input: {id: $id, storeIds: [$store]}) {"
                        + " client { storeIds } userErrors { code } } }")
                .variable("id", created).variable("store", store).execute()
                .path("updateApiClient.client.storeIds").entityList(String.class).containsExactly(store);
        admin().document("{ apiClients(filter: {kind: SHOP, status: ACTIVE}, first: 100) { totalCount edges { node { id name } } } }")
                .execute().path("apiClients.edges[*].node.id").entityList(String.class).contains(created);
        admin().document("query($id: ID!) { apiClient(id: $id) { name kind scopes } }").variable("id", created).execute()
                .path("apiClient.name").entity(String.class).isEqualTo(name);
        admin().document("{ apiClientScopes { scope description } }").execute()
                .path("apiClientScopes[*].scope").entityList(String.class)
                .containsExactly("purchases:write", "purchases:refund", "coupons:redeem", "orders:read", "members:read");

        admin().document("query($id: ID!) { staffActions(subject: \"API_CLIENT\", subjectId: $id) {"
                        + " edges { node { action staffUsername } } } }")
                .variable("id", created).execute()
                .path("staffActions.edges[*].node.action").entityList(String.class)
                .containsExactly("UPDATE_API_CLIENT", "CREATE_API_CLIENT");
        // nobody else manages clients
        newStaff(store, "STORE_MANAGER").document("{ apiClients { totalCount } }").execute().errors()
                .satisfy(errors -> assertThat(errors).singleElement()
                        .satisfies(e -> assertThat(e.getErrorType().toString()).isEqualTo("FORBIDDEN")));
    }
}
