package com.loyalty.shared.graphql;

import graphql.ErrorClassification;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetchingEnvironment;
import java.util.List;
import java.util.concurrent.TimeoutException;
import org.redisson.client.RedisException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.graphql.execution.DataFetcherExceptionResolver;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Reports Redis or Postgres being out of reach as {@code UNAVAILABLE} ("try again shortly")
 * instead of an INTERNAL_ERROR: the request was fine, the service will be back.
 */
@Component
class UnavailableErrorResolver implements DataFetcherExceptionResolver {

    public static final ErrorClassification UNAVAILABLE = ErrorClassification.errorClassification("UNAVAILABLE");
    private static final Logger log = LoggerFactory.getLogger(UnavailableErrorResolver.class);

    @Override
    public Mono<List<GraphQLError>> resolveException(Throwable ex, DataFetchingEnvironment env) {
        if (!unavailable(ex)) {
            return Mono.empty();
        }
        log.warn("{} unavailable for {}: {}", ex instanceof RedisException ? "Redis" : "A backing service",
                env.getExecutionStepInfo().getPath(), ex.toString());
        return Mono.just(List.of(GraphqlErrorBuilder.newError(env).errorType(UNAVAILABLE)
                .message("Temporarily unavailable, please try again shortly (服务暂时不可用，请稍后再试)").build()));
    }

    static boolean unavailable(Throwable ex) {
        for (Throwable e = ex; e != null; e = e.getCause()) {
            if (e instanceof RedisException || e instanceof TimeoutException
                    || e instanceof DataAccessResourceFailureException) {
                return true;
            }
        }
        return false;
    }
}
