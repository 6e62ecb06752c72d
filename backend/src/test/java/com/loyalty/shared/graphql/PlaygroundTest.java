package com.loyalty.shared.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import com.loyalty.support.IntegrationTest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

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

    /**
     * The document GraphiQL 2.4.7 (the webjar the page loads) sends to fill its docs explorer and
     * autocompletion: graphql-js 16.5's getIntrospectionQuery as @graphiql/react calls it, with
     * descriptions and no schemaDescription or inputValueDeprecation. It nests 13 levels (type
     * references unwrap seven ofTypes) and was refused by the 12-level limit until
     * loyalty.graphql.introspection-max-depth. playground.e2e.js checks the page sends exactly this.
     */
    @Test
    void graphiqlsOwnIntrospectionQueryIsAnswered() {
        var response = withRoomForTheSchema().documentName("graphiqlIntrospection").operationName("IntrospectionQuery").execute();

        response.errors().verify();
        response.path("__schema.queryType.name").entity(String.class).isEqualTo("Query");
        response.path("__schema.types[*].name").entityList(String.class).contains("Query", "Member", "Mutation");
        response.path("__schema.types[?(@.name == 'Query')].fields[*].name").entityList(String.class).contains("me", "currentStaff");
        response.path("__schema.directives[*].name").entityList(String.class).contains("deprecated");
    }

    @Test
    void anIntrospectionQueryDeeperThanItsOwnLimitIsRefused() {
        // __schema > types > fields > type > 9 x ofType > name: 14 levels
        String deep = "{ __schema { types { fields { type { " + "ofType { ".repeat(9) + "name" + " }".repeat(13) + " }";
        anonymous().document(deep).execute()
                .errors().expect(e -> e.getMessage().contains("maximum query depth exceeded 14 > 13")).verify()
                .path("__schema").pathDoesNotExist();
    }

    /**
     * No ordinary path of today's schema nests deeper than 10 levels (QueryDepthLimitTest checks
     * a 13-deep ordinary query on a schema that has one); here an ordinary field beside a 13-level
     * introspection brings the whole operation back under max-depth, directly or through a fragment.
     */
    @Test
    void anIntrospectionQueryCannotSmuggleOrdinaryFields() {
        // __schema > types > fields > type > 8 x ofType > name: 13 levels
        String introspection = "__schema { types { fields { type { " + "ofType { ".repeat(8) + "name" + " }".repeat(12);
        for (String mixed : new String[] {
                "{ me { id } " + introspection + " }",
                "{ ...Me " + introspection + " } fragment Me on Query { me { id } }",
                "{ ... on Query { currentStaff { id } } " + introspection + " }"}) {
            anonymous().document(mixed).execute()
                    .errors().expect(e -> e.getMessage().contains("maximum query depth exceeded 13 > 12")).verify()
                    .path("__schema").pathDoesNotExist();
        }
        withRoomForTheSchema().document("{ ...Schema } fragment Schema on Query { " + introspection + " }").execute()
                .path("__schema.types").entityList(Object.class).hasSizeGreaterThan(10);
    }

    @Test
    void aQueryWithinTheDepthLimitRuns() {
        anonymous().document("{ __schema { queryType { fields { name } } } }").execute()
                .path("__schema.queryType.fields[*].name").entityList(String.class).contains("me", "currentStaff");
    }

    /** The whole schema's description is larger than WebTestClient buffers by default (256 KB). */
    private HttpGraphQlTester withRoomForTheSchema() {
        return HttpGraphQlTester.builder(WebTestClient.bindToServer()
                        .baseUrl("http://127.0.0.1:" + port + "/graphql").responseTimeout(PATIENCE)
                        .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(16 * 1024 * 1024)))
                .responseTimeout(PATIENCE).build();
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
