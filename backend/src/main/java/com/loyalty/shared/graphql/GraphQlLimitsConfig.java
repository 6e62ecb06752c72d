package com.loyalty.shared.graphql;

import graphql.analysis.MaxQueryComplexityInstrumentation;
import graphql.analysis.MaxQueryDepthInstrumentation;
import graphql.introspection.Introspection;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.server.TimeoutWebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlInterceptor;

/** Query depth and complexity limits, the request timeout and the introspection switch. */
@Configuration(proxyBeanMethods = false)
public class GraphQlLimitsConfig {

    @Bean
    MaxQueryDepthInstrumentation maxQueryDepth(GraphQlLimitsProperties limits) {
        return new MaxQueryDepthInstrumentation(limits.maxDepth());
    }

    @Bean
    MaxQueryComplexityInstrumentation maxQueryComplexity(GraphQlLimitsProperties limits) {
        return new MaxQueryComplexityInstrumentation(limits.maxComplexity());
    }

    /**
     * Turns introspection off per request. Spring Boot's own switch flips a JVM-wide flag in
     * graphql-java instead, which would leak between applications in one JVM (tests).
     */
    @Bean
    WebGraphQlInterceptor introspectionSwitch(GraphQlLimitsProperties limits) {
        return (request, chain) -> {
            if (!limits.introspection()) {
                request.configureExecutionInput((input, builder) ->
                        builder.graphQLContext(Map.of(Introspection.INTROSPECTION_DISABLED, true)).build());
            }
            return chain.next(request);
        };
    }

    @Bean
    TimeoutWebGraphQlInterceptor requestTimeout(GraphQlLimitsProperties limits) {
        return new TimeoutWebGraphQlInterceptor(limits.timeout());
    }
}
