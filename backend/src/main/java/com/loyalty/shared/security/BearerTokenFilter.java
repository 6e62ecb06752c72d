package com.loyalty.shared.security;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Reads {@code Authorization: Bearer <jwt>} and, when the token is valid and its sign-in is still
 * live ({@link Sessions#live}, one Redis round trip), signs the request in as its {@link Viewer}.
 * A missing, bad or revoked token leaves the request anonymous, so sign-in mutations still work
 * and protected fields answer UNAUTHENTICATED.
 */
public class BearerTokenFilter implements WebFilter {

    private static final Logger log = LoggerFactory.getLogger(BearerTokenFilter.class);
    private static final String PREFIX = "Bearer ";

    private final AccessTokens accessTokens;
    private final Sessions sessions;
    private final ClientSessions clients;

    public BearerTokenFilter(AccessTokens accessTokens, Sessions sessions, ClientSessions clients) {
        this.accessTokens = accessTokens;
        this.sessions = sessions;
        this.clients = clients;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String header = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            return chain.filter(exchange);
        }
        return accessTokens.verify(header.substring(PREFIX.length()).trim())
                .map(token -> token.viewer().isClient() ? client(exchange, chain, token) : live(sessions, token).flatMap(live -> live
                        ? chain.filter(exchange).contextWrite(
                                ReactiveSecurityContextHolder.withAuthentication(authentication(token)))
                        : chain.filter(exchange)))
                .orElseGet(() -> chain.filter(exchange));
    }

    /**
     * A machine client's request: signed in as the client when admitted; a client whose token ended
     * (revoked, changed, its secret rotated out) gets HTTP 401 with {@code WWW-Authenticate} (RFC 6750),
     * one past its rate HTTP 429 with {@code Retry-After}, both with a GraphQL-shaped error body, so
     * that a POS knows at once to fetch a new token or to slow down.
     */
    private Mono<Void> client(ServerWebExchange exchange, WebFilterChain chain, AccessToken token) {
        return clients.admit(token)
                .onErrorResume(e -> {
                    log.warn("could not check machine client {}, refusing the request: {}", token.viewer().subject(),
                            e.toString());
                    return Mono.just(ClientSessions.Admission.ENDED);
                })
                .flatMap(admission -> switch (admission) {
                    case ADMITTED -> chain.filter(exchange).contextWrite(
                            ReactiveSecurityContextHolder.withAuthentication(authentication(token)));
                    case ENDED -> refuse(exchange, org.springframework.http.HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED",
                            "访问令牌已失效（客户端已吊销、修改或密钥已轮换），请重新获取令牌");
                    case RATE_LIMITED -> refuse(exchange, org.springframework.http.HttpStatus.TOO_MANY_REQUESTS,
                            "RATE_LIMITED", "请求太频繁，请稍后再试");
                });
    }

    private static Mono<Void> refuse(ServerWebExchange exchange, org.springframework.http.HttpStatus status,
                                     String classification, String message) {
        var response = exchange.getResponse();
        response.setStatusCode(status);
        response.getHeaders().setContentType(org.springframework.http.MediaType.APPLICATION_JSON);
        if (status == org.springframework.http.HttpStatus.UNAUTHORIZED) {
            response.getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"");
        } else {
            response.getHeaders().set(HttpHeaders.RETRY_AFTER, "60");
        }
        byte[] body = ("{\"errors\":[{\"message\":\"" + message + "\",\"extensions\":{\"classification\":\""
                + classification + "\"}}]}").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
    }

    /**
     * Whether the token's sign-in is live; false (the caller stays anonymous) when not even the
     * fallback could tell, i.e. Redis and PostgreSQL are both out of reach.
     */
    static Mono<Boolean> live(Sessions sessions, AccessToken token) {
        return sessions.live(token).onErrorResume(e -> {
            log.warn("could not check the session of {}, treating the request as anonymous: {}",
                    token.viewer().subject(), e.toString());
            return Mono.just(false);
        });
    }

    /** The Spring Security authentication of a signed-in viewer. */
    public static UsernamePasswordAuthenticationToken authentication(Viewer viewer) {
        if (viewer.isClient()) {
            return clientAuthentication(viewer);
        }
        return UsernamePasswordAuthenticationToken.authenticated(
                viewer, null, List.of(new SimpleGrantedAuthority(viewer.role().authority())));
    }

    /**
     * The authentication of a verified token: its viewer's role, and
     * {@link PasswordChangeGate#AUTHORITY} when the account must change its password first.
     */
    public static UsernamePasswordAuthenticationToken authentication(AccessToken token) {
        Viewer viewer = token.viewer();
        if (viewer.isClient()) {
            return clientAuthentication(viewer);
        }
        return UsernamePasswordAuthenticationToken.authenticated(viewer, null, token.passwordChangeRequired()
                ? List.of(new SimpleGrantedAuthority(viewer.role().authority()),
                        new SimpleGrantedAuthority(PasswordChangeGate.AUTHORITY))
                : List.of(new SimpleGrantedAuthority(viewer.role().authority())));
    }

    /**
     * A machine client's authentication: ROLE_CLIENT and one {@code SCOPE_<scope>} authority per
     * scope, so that a field admits it with {@code hasAuthority('SCOPE_purchases:write')}.
     */
    private static UsernamePasswordAuthenticationToken clientAuthentication(Viewer client) {
        List<SimpleGrantedAuthority> authorities = new java.util.ArrayList<>();
        authorities.add(new SimpleGrantedAuthority(client.role().authority()));
        client.scopes().stream().sorted().forEach(scope -> authorities.add(new SimpleGrantedAuthority("SCOPE_" + scope)));
        return UsernamePasswordAuthenticationToken.authenticated(client, null, authorities);
    }
}
