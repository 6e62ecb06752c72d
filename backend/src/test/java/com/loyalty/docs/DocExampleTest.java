package com.loyalty.docs;

import com.loyalty.support.IntegrationTest;
import java.util.Map;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;

/** Base of the tests that run a guide's examples: GraphQL requests as a reader would send them. */
abstract class DocExampleTest extends IntegrationTest {

    /** The whole answer to a GraphQL request, errors included; no token sends none. */
    protected Map<String, Object> answer(String token, String document, Map<String, Object> variables) {
        var request = http().post().uri("/graphql").contentType(MediaType.APPLICATION_JSON);
        if (token != null) {
            request = request.header("Authorization", "Bearer " + token);
        }
        return request.bodyValue(Map.of("query", document, "variables", variables)).exchange()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() {
                }).returnResult().getResponseBody();
    }

    /** A staff member's access token, signed in with username and password. */
    @SuppressWarnings("unchecked")
    protected String staffToken(String username, String password) {
        Map<String, Object> data = (Map<String, Object>) answer(null, """
                mutation($u: String!, $p: String!) { staffLogin(input: {username: $u, password: $p}) {
                  accessToken userErrors { code } } }""", Map.of("u", username, "p", password)).get("data");
        return (String) ((Map<String, Object>) data.get("staffLogin")).get("accessToken");
    }
}
