package com.loyalty.shared.graphql;

import graphql.introspection.Introspection;
import java.util.Map;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.server.TimeoutWebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlInterceptor;

/** Query depth and complexity limits, the request timeout, the introspection switch and the document cache. */
@Configuration(proxyBeanMethods = false)
class GraphQlLimitsConfig {

    /**
     * {@code max-depth} ({@code introspection-max-depth} for operations that only introspect) and
     * {@code max-complexity}, each operation measured once.
     */
    @Bean
    OperationLimits operationLimits(GraphQlLimitsProperties limits) {
        return new OperationLimits(limits);
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

    /** Parses and validates each distinct document once (graphql-java's PreparsedDocumentProvider). */
    @Bean
    GraphQlSourceBuilderCustomizer documentCache(GraphQlLimitsProperties limits) {
        return builder -> builder.configureGraphQl(graphQl -> {
            if (limits.documentCacheSize() > 0) {
                graphQl.preparsedDocumentProvider(new DocumentCache(limits.documentCacheSize()));
            }
        });
    }

    @Bean
    TimeoutWebGraphQlInterceptor requestTimeout(GraphQlLimitsProperties limits) {
        return new TimeoutWebGraphQlInterceptor(limits.timeout());
    }
}
