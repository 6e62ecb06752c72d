package com.loyalty.shared.graphql;

import graphql.execution.AbortExecutionException;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.ExecutionResult;
import graphql.language.OperationDefinition;
import java.util.Map;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.server.WebSocketGraphQlRequest;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * A subscription sent as an HTTP POST answers a clear error instead of a serialized stream: the
 * interceptor marks requests that did not come over the WebSocket, and the instrumentation stops a
 * subscription operation among them before it runs.
 */
@Component
class HttpSubscriptionGuard extends SimplePerformantInstrumentation implements WebGraphQlInterceptor {

    private static final String OVER_HTTP = HttpSubscriptionGuard.class.getName() + ".overHttp";

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        if (!(request instanceof WebSocketGraphQlRequest)) {
            request.configureExecutionInput((input, builder) -> builder.graphQLContext(Map.of(OVER_HTTP, true)).build());
        }
        return chain.next(request);
    }

    @Override
    public InstrumentationContext<ExecutionResult> beginExecuteOperation(InstrumentationExecuteOperationParameters parameters,
                                                                        InstrumentationState state) {
        var context = parameters.getExecutionContext();
        if (context.getOperationDefinition().getOperation() == OperationDefinition.Operation.SUBSCRIPTION
                && Boolean.TRUE.equals(context.getGraphQLContext().get(OVER_HTTP))) {
            throw new AbortExecutionException("Subscriptions run over the WebSocket at /graphql (graphql-ws protocol); "
                    + "HTTP POST answers queries and mutations only (订阅请使用 WebSocket)");
        }
        return SimpleInstrumentationContext.noOp();
    }
}
