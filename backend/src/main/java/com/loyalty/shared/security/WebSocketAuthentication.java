package com.loyalty.shared.security;

import java.time.Clock;
import java.time.Duration;
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
 * viewer while the token is unexpired and its sign-in live (checked again on every message, one
 * Redis round trip each). Without a valid token the connection stays anonymous and member
 * subscriptions answer UNAUTHENTICATED; once the token expires or its sign-in ends the connection
 * is closed with 4401 ({@link OpenSockets}), and a message that arrives first answers
 * UNAUTHENTICATED.
 */
@Component
class WebSocketAuthentication implements WebSocketGraphQlInterceptor {

    private static final String TOKEN = AccessToken.class.getName();
    private static final Duration CLOSE_AFTER = Duration.ofMillis(200);

    private final AccessTokens accessTokens;
    private final Sessions sessions;
    private final OpenSockets sockets;
    private final Clock clock;

    WebSocketAuthentication(AccessTokens accessTokens, Sessions sessions, OpenSockets sockets, Clock clock) {
        this.accessTokens = accessTokens;
        this.sessions = sessions;
        this.sockets = sockets;
        this.clock = clock;
    }

    @Override
    public Mono<Object> handleConnectionInitialization(WebSocketSessionInfo session, Map<String, Object> payload) {
        Object header = payload.getOrDefault("Authorization", payload.get("authorization"));
        if (!(header instanceof String value && value.regionMatches(true, 0, "Bearer ", 0, 7))) {
            return Mono.empty();
        }
        return Mono.justOrEmpty(accessTokens.verify(value.substring(7).trim()))
                .filterWhen(token -> BearerTokenFilter.live(sessions, token))
                .doOnNext(token -> {
                    session.getAttributes().put(TOKEN, token);
                    sockets.signIn(session.getId(), token);
                })
                .then(Mono.empty());
    }

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, WebGraphQlInterceptor.Chain chain) {
        if (!(request instanceof WebSocketGraphQlRequest ws
                && ws.getSessionInfo().getAttributes().get(TOKEN) instanceof AccessToken token)) {
            return chain.next(request);
        }
        Mono<Boolean> live = token.expiredAt(clock.instant()) ? Mono.just(false) : BearerTokenFilter.live(sessions, token);
        return live.flatMap(yes -> {
            if (yes) {
                if (token.passwordChangeRequired()) {
                    PasswordChangeGate.mark(request);
                }
                return chain.next(request).contextWrite(
                        ReactiveSecurityContextHolder.withAuthentication(BearerTokenFilter.authentication(token)));
            }
            // the message is answered as anonymous (UNAUTHENTICATED); the connection closes once
            // that answer has had time to go out
            ws.getSessionInfo().getAttributes().remove(TOKEN);
            String socketId = ws.getSessionInfo().getId();
            return chain.next(request).doFinally(signal -> Mono.delay(CLOSE_AFTER)
                    .subscribe(tick -> sockets.close(socketId)));
        });
    }
}
