package com.loyalty.shared.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import com.loyalty.support.IntegrationTest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;

/** The playground as the dev profile runs it: GraphiQL and introspection on. */
@TestPropertySource(properties = {
        "loyalty.graphiql.enabled=true",
        "loyalty.graphql.introspection=true"})
class PlaygroundTest extends IntegrationTest {

    private static final Pattern ASSET = Pattern.compile("(?:src|href)=\"([^\"]+)\"");

    @Test
    void graphiqlLoadsEverythingFromThisServer() {
        String page = http().get().uri("/graphiql").exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectBody(String.class).returnResult().getResponseBody();

        assertThat(page).contains("GraphiQL").doesNotContainPattern("https?://");
        Matcher assets = ASSET.matcher(page);
        int found = 0;
        while (assets.find()) {
            String asset = assets.group(1);
            assertThat(asset).startsWith("/");
            http().get().uri(asset).exchange().expectStatus().isOk();
            found++;
        }
        assertThat(found).as("react, react-dom, graphiql js and css").isEqualTo(4);
    }

    @Test
    void aTooDeepQueryIsRefusedWithAClearError() {
        // __schema > types > fields > type > 9 x ofType > name: 14 levels
        String deep = "{ __schema { types { fields { type { " + "ofType { ".repeat(9) + "name" + " }".repeat(13) + " }";
        anonymous().document(deep).execute()
                .errors().expect(e -> e.getMessage().contains("maximum query depth exceeded")).verify()
                .path("__schema").pathDoesNotExist();
    }

    @Test
    void aQueryWithinTheDepthLimitRuns() {
        anonymous().document("{ __schema { queryType { fields { name } } } }").execute()
                .path("__schema.queryType.fields[*].name").entityList(String.class).contains("me", "currentStaff");
    }

    @Test
    void anOverlyComplexQueryIsRefused() {
        StringBuilder query = new StringBuilder("{");
        for (int i = 0; i < 300; i++) {
            query.append(" m").append(i).append(": me { id nickname }");
        }
        anonymous().document(query.append(" }").toString()).execute()
                .errors().expect(e -> e.getMessage().contains("maximum query complexity exceeded")).verify();
    }
}
