package com.loyalty.shared.graphql;

import com.loyalty.shared.security.Viewer;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetchingEnvironment;
import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.execution.DataFetcherExceptionResolver;
import org.springframework.graphql.execution.SubscriptionExceptionResolver;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Reports a denied field as UNAUTHENTICATED (no valid token) or FORBIDDEN (wrong role or store).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class AccessErrorResolver implements DataFetcherExceptionResolver, SubscriptionExceptionResolver {

    @Override
    public Mono<List<GraphQLError>> resolveException(Throwable ex, DataFetchingEnvironment env) {
        if (ex instanceof AuthenticationException) {
            return Mono.just(List.of(unauthenticated(GraphqlErrorBuilder.newError(env))));
        }
        if (ex instanceof AccessDeniedException) {
            return denied(GraphqlErrorBuilder.newError(env));
        }
        return Mono.empty();
    }

    /** The same for an error raised inside a subscription's stream. */
    @Override
    public Mono<List<GraphQLError>> resolveException(Throwable ex) {
        if (ex instanceof AuthenticationException) {
            return Mono.just(List.of(unauthenticated(GraphqlErrorBuilder.newError())));
        }
        if (ex instanceof AccessDeniedException) {
            return denied(GraphqlErrorBuilder.newError());
        }
        return Mono.empty();
    }

    /** FORBIDDEN for a signed-in viewer, UNAUTHENTICATED for everyone else. */
    private static Mono<List<GraphQLError>> denied(GraphqlErrorBuilder<?> builder) {
        return ReactiveSecurityContextHolder.getContext()
                .map(SecurityContext::getAuthentication)
                .filter(auth -> auth.getPrincipal() instanceof Viewer)
                .map(auth -> List.of(builder.errorType(AccessErrorType.FORBIDDEN)
                        .message("Forbidden: your role or store may not do this").build()))
                .defaultIfEmpty(List.of(unauthenticated(builder)));
    }

    private static GraphQLError unauthenticated(GraphqlErrorBuilder<?> builder) {
        return builder.errorType(AccessErrorType.UNAUTHENTICATED)
                .message("Unauthenticated: send a valid access token (Authorization: Bearer ...); refresh it if it expired")
                .build();
    }
}
