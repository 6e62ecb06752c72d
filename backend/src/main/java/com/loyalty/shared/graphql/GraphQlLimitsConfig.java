package com.loyalty.shared.graphql;

import graphql.analysis.MaxQueryComplexityInstrumentation;
import graphql.analysis.MaxQueryDepthInstrumentation;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.server.TimeoutWebGraphQlInterceptor;

/** Query depth and complexity limits and the request timeout. */
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

    @Bean
    TimeoutWebGraphQlInterceptor requestTimeout(GraphQlLimitsProperties limits) {
        return new TimeoutWebGraphQlInterceptor(limits.timeout());
    }
}
