package com.loyalty.shared.security;

import java.util.Map;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.server.WebSocketGraphQlInterceptor;
import org.springframework.graphql.server.WebSocketGraphQlRequest;
import org.springframework.graphql.server.WebSocketSessionInfo;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Signs a graphql-ws connection in from its {@code connection_init} payload
 * ({@code {"Authorization": "Bearer <accessToken>"}}) and runs each of its operations as that
 * viewer. Without a valid token the connection stays anonymous and member subscriptions answer
 * UNAUTHENTICATED.
 */
@Component
public class WebSocketAuthentication implements WebSocketGraphQlInterceptor {

    private static final String VIEWER = Viewer.class.getName();

    private final AccessTokens accessTokens;

    public WebSocketAuthentication(AccessTokens accessTokens) {
        this.accessTokens = accessTokens;
    }

    @Override
    public Mono<Object> handleConnectionInitialization(WebSocketSessionInfo session, Map<String, Object> payload) {
        Object header = payload.getOrDefault("Authorization", payload.get("authorization"));
        if (header instanceof String value && value.regionMatches(true, 0, "Bearer ", 0, 7)) {
            accessTokens.verify(value.substring(7).trim()).ifPresent(viewer -> session.getAttributes().put(VIEWER, viewer));
        }
        return Mono.empty();
    }

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, WebGraphQlInterceptor.Chain chain) {
        if (request instanceof WebSocketGraphQlRequest ws
                && ws.getSessionInfo().getAttributes().get(VIEWER) instanceof Viewer viewer) {
            return chain.next(request)
                    .contextWrite(ReactiveSecurityContextHolder.withAuthentication(BearerTokenFilter.authentication(viewer)));
        }
        return chain.next(request);
    }
}
