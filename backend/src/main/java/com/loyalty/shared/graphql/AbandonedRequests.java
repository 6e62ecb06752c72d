package com.loyalty.shared.graphql;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.execution.AbortExecutionException;
import graphql.schema.DataFetchingEnvironment;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.execution.DataFetcherExceptionResolver;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * A client that goes away mid-request (a closed mini-program page, the end of every load test) is
 * no error of ours: Spring for GraphQL cancels the execution, graphql-java turns each field still
 * being fetched into an {@link AbortExecutionException}, and nobody reads the answer. Those are
 * logged here at DEBUG, one line without a stack, instead of Spring's ERROR with a stack trace per
 * field. The interceptor runs outermost, so it sees the client's cancel but not the request timeout
 * ({@code TimeoutWebGraphQlInterceptor}, inside it): a timed-out request is still reported as before.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class AbandonedRequests implements WebGraphQlInterceptor, DataFetcherExceptionResolver {

    private static final String CLIENT_GONE = AbandonedRequests.class.getName() + ".clientGone";
    private static final Logger log = LoggerFactory.getLogger(AbandonedRequests.class);

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        AtomicBoolean gone = new AtomicBoolean();
        request.configureExecutionInput((input, builder) -> {
            input.getGraphQLContext().put(CLIENT_GONE, gone);
            return input;
        });
        return chain.next(request).doOnCancel(() -> gone.set(true));
    }

    @Override
    public Mono<List<GraphQLError>> resolveException(Throwable ex, DataFetchingEnvironment env) {
        if (!(ex instanceof AbortExecutionException)
                || !(env.getGraphQlContext().get(CLIENT_GONE) instanceof AtomicBoolean gone) || !gone.get()) {
            return Mono.empty();
        }
        if (log.isDebugEnabled()) {
            log.debug("The client went away before {} was answered: {}", env.getExecutionStepInfo().getPath(), ex.getMessage());
        }
        // nobody reads it: the response was cancelled
        return Mono.just(List.of(GraphqlErrorBuilder.newError(env).message("Request cancelled by the client").build()));
    }
}
