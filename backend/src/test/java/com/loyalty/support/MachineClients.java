package com.loyalty.support;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Machine clients (API clients) for tests: an admin creates one with its scopes and stores, the
 * client asks {@code POST /oauth/token} for an access token with its id and secret.
 */
public final class MachineClients {

    private MachineClients() {
    }

    /** A client's credentials as createApiClient shows them once. */
    public record Credentials(String clientId, String secret) {

        /** The HTTP Basic value of these credentials. */
        public String basic() {
            return "Basic " + Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
        }
    }

    public static final String CREATE = """
            mutation($input: CreateApiClientInput!) { createApiClient(input: $input) {
              clientId clientSecret client { id name kind status scopes storeIds } userErrors { field message code } } }""";

    /** Creates a client with these scopes for these stores (none: every store) and returns its credentials. */
    public static Credentials create(HttpGraphQlTester admin, String name, String kind, List<String> scopes,
                                     List<String> storeIds) {
        Map<String, Object> input = new HashMap<>(Map.of("name", name, "kind", kind, "scopes", scopes));
        input.put("storeIds", storeIds);
        var created = admin.document(CREATE).variable("input", input).execute()
                .path("createApiClient.userErrors").entityList(Object.class).hasSize(0);
        return new Credentials(created.path("createApiClient.clientId").entity(String.class).get(),
                created.path("createApiClient.clientSecret").entity(String.class).get());
    }

    /** POST /oauth/token with this form body (and an Authorization header when not null). */
    public static WebTestClient.ResponseSpec tokenRequest(WebTestClient http, String form, String authorization) {
        var request = http.post().uri("/oauth/token").contentType(MediaType.APPLICATION_FORM_URLENCODED);
        if (authorization != null) {
            request = request.header("Authorization", authorization);
        }
        return request.bodyValue(form).exchange();
    }

    /** An access token for the client (HTTP Basic, all of its scopes). */
    @SuppressWarnings("unchecked")
    public static String token(WebTestClient http, Credentials credentials) {
        Map<String, Object> body = tokenRequest(http, "grant_type=client_credentials", credentials.basic())
                .expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        return (String) body.get("access_token");
    }
}
