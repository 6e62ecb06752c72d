package com.loyalty.shared.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.ExecutionInput;
import graphql.GraphQL;
import graphql.GraphQLError;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/**
 * The depth and complexity limits measure a kept operation once, and never let a remembered
 * operation past a limit that its variables decide ({@code @skip}, {@code @include}).
 */
class OperationLimitsTest {

    // depth at most 4, complexity at most 6
    private final OperationLimits limits = new OperationLimits(new GraphQlLimitsProperties(
            4, 13, 6, Duration.ofSeconds(10), false, 500, DataSize.ofKilobytes(64), 4000));

    private final GraphQL graphQl = GraphQL.newGraphQL(new SchemaGenerator().makeExecutableSchema(
                    new SchemaParser().parse("type Query { node: Node } type Node { name: String child: Node }"),
                    RuntimeWiring.newRuntimeWiring()
                            .type("Query", type -> type.dataFetcher("node", env -> Map.of("name", "root")))
                            .build()))
            .instrumentation(limits)
            .preparsedDocumentProvider(new DocumentCache(500))
            .build();

    @Test
    void aKeptOperationWithinTheLimitsIsMeasuredOnceAndStillAnswers() {
        String document = "{ node { name child { name } } }";

        for (int i = 0; i < 3; i++) {
            assertThat(errors(document, Map.of())).isEmpty();
        }

        assertThat(limits.rememberedCount()).isEqualTo(1);
    }

    @Test
    void anOperationOverALimitIsRefusedEveryTime() {
        String tooDeep = "{ node { child { child { child { name } } } } }";
        String tooComplex = "{ a: node { name } b: node { name } c: node { name } d: node { name } }";

        for (int i = 0; i < 2; i++) {
            assertThat(errors(tooDeep, Map.of())).containsExactly("maximum query depth exceeded 5 > 4");
            assertThat(errors(tooComplex, Map.of())).containsExactly("maximum query complexity exceeded 8 > 6");
        }
        assertThat(limits.rememberedCount()).isZero();
    }

    @Test
    void anOperationWhoseVariablesDecideItsDepthIsMeasuredOnEveryRequest() {
        String document = "query Q($deep: Boolean!) { node { child @include(if: $deep) { child { child { name } } } name } }";

        assertThat(errors(document, Map.of("deep", false))).isEmpty();
        assertThat(errors(document, Map.of("deep", true))).containsExactly("maximum query depth exceeded 5 > 4");
        assertThat(limits.rememberedCount()).isZero();
    }

    private List<String> errors(String document, Map<String, Object> variables) {
        return graphQl.execute(ExecutionInput.newExecutionInput(document).variables(variables).build())
                .getErrors().stream().map(GraphQLError::getMessage).toList();
    }
}
