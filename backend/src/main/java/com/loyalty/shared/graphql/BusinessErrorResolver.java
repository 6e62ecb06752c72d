package com.loyalty.shared.graphql;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetchingEnvironment;
import java.util.List;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.execution.DataFetcherExceptionResolver;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * A business failure raised where there is no payload to carry it (a query such as {@code member}
 * reading too fast, or {@code followUpTasks} with a bad store) becomes a GraphQL error with the
 * user-facing message and the stable code in {@code extensions.code}, instead of INTERNAL_ERROR.
 * Mutations turn theirs into {@code userErrors} before this (Payloads.recover).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class BusinessErrorResolver implements DataFetcherExceptionResolver {

    @Override
    public Mono<List<GraphQLError>> resolveException(Throwable ex, DataFetchingEnvironment env) {
        if (!(ex instanceof BusinessException business)) {
            return Mono.empty();
        }
        return Mono.just(List.of(GraphqlErrorBuilder.newError(env).errorType(ErrorType.BAD_REQUEST)
                .message(business.error().message())
                .extensions(Map.of("code", business.error().code().name())).build()));
    }
}
