package com.loyalty.shared.graphql;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits that keep one request from exhausting the server (an operation that only introspects, such
 * as GraphiQL's introspection query, may nest {@code introspectionMaxDepth} levels instead of
 * {@code maxDepth}: type references unwrap seven {@code ofType}s deep), whether the schema can be introspected,
 * how many parsed and validated documents are kept (0: none) and the largest request body
 * (the mini-program's largest document is a few KB) and the longest text any argument may carry.
 */
@ConfigurationProperties("loyalty.graphql")
record GraphQlLimitsProperties(
        @DefaultValue("12") int maxDepth,
        @DefaultValue("13") int introspectionMaxDepth,
        @DefaultValue("500") int maxComplexity,
        @DefaultValue("10s") Duration timeout,
        @DefaultValue("false") boolean introspection,
        @DefaultValue("500") int documentCacheSize,
        @DefaultValue("64KB") DataSize maxBodySize,
        @DefaultValue("4000") int maxTextLength) {
}
