package com.loyalty.shared.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.GraphQLError;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

/**
 * The two depth limits on a schema whose ordinary fields nest without end (the real schema's
 * deepest ordinary path is 10 levels, so PlaygroundTest cannot build a 13-level ordinary query).
 */
class QueryDepthLimitTest {

    private final GraphQL graphQl = GraphQL.newGraphQL(new SchemaGenerator().makeExecutableSchema(
                    new SchemaParser().parse("type Query { node: Node } type Node { name: String child: Node }"),
                    RuntimeWiring.newRuntimeWiring()
                            .type("Query", type -> type.dataFetcher("node", env -> Map.of("name", "root")))
                            .build()))
            .instrumentation(new QueryDepthLimit(12, 13))
            .build();

    @Test
    void anOrdinaryQueryKeepsTheDepthLimit() {
        // node > 11 x child > name: 13 levels; node > 10 x child > name: 12
        assertThat(errors(nested(11))).containsExactly("maximum query depth exceeded 13 > 12");
        assertThat(errors(nested(10))).isEmpty();
    }

    @Test
    void graphiqlsIntrospectionQueryGetsTheIntrospectionLimit() throws IOException {
        String introspection = new ClassPathResource("graphql-test/graphiqlIntrospection.graphql")
                .getContentAsString(StandardCharsets.UTF_8);

        ExecutionResult result = graphQl.execute(ExecutionInput.newExecutionInput(introspection)
                .operationName("IntrospectionQuery").build());

        assertThat(result.getErrors()).isEmpty();
        assertThat(result.<Map<String, Object>>getData()).containsKey("__schema");
    }

    @Test
    void anOperationMixingIntrospectionWithOrdinaryFieldsKeepsTheDepthLimit() {
        String introspection13 = "__schema { types { fields { type { " + "ofType { ".repeat(8) + "name" + " }".repeat(12);

        assertThat(errors("{ " + introspection13 + " }")).isEmpty();
        assertThat(errors("{ __typename " + introspection13 + " __type(name: \"Node\") { name } }")).isEmpty();
        assertThat(errors("{ node { name } " + introspection13 + " }")).containsExactly("maximum query depth exceeded 13 > 12");
        assertThat(errors("{ ...Deep } fragment Deep on Query { ... on Query { node { name } } " + introspection13 + " }"))
                .containsExactly("maximum query depth exceeded 13 > 12");
        // the ordinary part is what is too deep, beside a shallow introspection
        assertThat(errors("{ __typename " + nested(11).substring(1))).containsExactly("maximum query depth exceeded 13 > 12");
    }

    @Test
    void anIntrospectionDeeperThanItsLimitIsRefused() {
        String introspection14 = "{ __schema { types { fields { type { " + "ofType { ".repeat(9) + "name" + " }".repeat(13) + " }";

        assertThat(errors(introspection14)).containsExactly("maximum query depth exceeded 14 > 13");
    }

    private static String nested(int children) {
        return "{ node { " + "child { ".repeat(children) + "name" + " }".repeat(children + 1) + " }";
    }

    private java.util.List<String> errors(String document) {
        return graphQl.execute(document).getErrors().stream().map(GraphQLError::getMessage).toList();
    }
}
