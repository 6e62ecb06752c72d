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

    public BearerTokenFilter(AccessTokens accessTokens, Sessions sessions) {
        this.accessTokens = accessTokens;
        this.sessions = sessions;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String header = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            return chain.filter(exchange);
        }
        return accessTokens.verify(header.substring(PREFIX.length()).trim())
                .map(token -> live(sessions, token).flatMap(live -> live
                        ? chain.filter(exchange).contextWrite(
                                ReactiveSecurityContextHolder.withAuthentication(authentication(token)))
                        : chain.filter(exchange)))
                .orElseGet(() -> chain.filter(exchange));
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
        return UsernamePasswordAuthenticationToken.authenticated(
                viewer, null, List.of(new SimpleGrantedAuthority(viewer.role().authority())));
    }

    /**
     * The authentication of a verified token: its viewer's role, and
     * {@link PasswordChangeGate#AUTHORITY} when the account must change its password first.
     */
    public static UsernamePasswordAuthenticationToken authentication(AccessToken token) {
        Viewer viewer = token.viewer();
        return UsernamePasswordAuthenticationToken.authenticated(viewer, null, token.passwordChangeRequired()
                ? List.of(new SimpleGrantedAuthority(viewer.role().authority()),
                        new SimpleGrantedAuthority(PasswordChangeGate.AUTHORITY))
                : List.of(new SimpleGrantedAuthority(viewer.role().authority())));
    }
}
