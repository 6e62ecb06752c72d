package com.loyalty.shared.security;

import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Reads {@code Authorization: Bearer <jwt>} and, when the token is valid, signs the request in
 * as its {@link Viewer}. A missing or bad token leaves the request anonymous, so sign-in
 * mutations still work and protected fields answer UNAUTHENTICATED.
 */
public class BearerTokenFilter implements WebFilter {

    private static final String PREFIX = "Bearer ";

    private final AccessTokens accessTokens;

    public BearerTokenFilter(AccessTokens accessTokens) {
        this.accessTokens = accessTokens;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String header = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            return chain.filter(exchange);
        }
        return accessTokens.verify(header.substring(PREFIX.length()).trim())
                .map(viewer -> chain.filter(exchange)
                        .contextWrite(ReactiveSecurityContextHolder.withAuthentication(authentication(viewer))))
                .orElseGet(() -> chain.filter(exchange));
    }

    /** The Spring Security authentication of a signed-in viewer. */
    public static UsernamePasswordAuthenticationToken authentication(Viewer viewer) {
        return UsernamePasswordAuthenticationToken.authenticated(
                viewer, null, List.of(new SimpleGrantedAuthority(viewer.role().authority())));
    }
}
