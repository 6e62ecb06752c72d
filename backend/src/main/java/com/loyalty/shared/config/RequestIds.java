package com.loyalty.shared.config;

import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Gives every HTTP request an id (the caller's {@code X-Request-Id} when it is sane, else a new
 * one), answers it in {@code X-Request-Id}, makes it the GraphQL execution id (so Spring's
 * INTERNAL_ERROR messages and logs name it) and writes one access-log line per request with the
 * id in the MDC ({@code requestId}) on logger {@code com.loyalty.access}.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
public class RequestIds implements WebFilter {

    public static final String HEADER = "X-Request-Id";
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final Logger access = LoggerFactory.getLogger("com.loyalty.access");

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String given = exchange.getRequest().getHeaders().getFirst(HEADER);
        String id = given != null && SANE.matcher(given).matches() ? given : UUID.randomUUID().toString();
        exchange.getResponse().getHeaders().set(HEADER, id);
        ServerHttpRequest request = new ServerHttpRequestDecorator(exchange.getRequest()) {
            @Override
            public String getId() {
                return id;
            }
        };
        long started = System.nanoTime();
        return chain.filter(exchange.mutate().request(request).build())
                .doFinally(signal -> logAccess(exchange, id, started));
    }

    private static void logAccess(ServerWebExchange exchange, String id, long started) {
        if (!access.isInfoEnabled()) {
            return;
        }
        MDC.put("requestId", id);
        try {
            var status = exchange.getResponse().getStatusCode();
            access.info("{} {} {} {}ms", exchange.getRequest().getMethod(), exchange.getRequest().getPath(),
                    status == null ? "-" : status.value(), (System.nanoTime() - started) / 1_000_000);
        } finally {
            MDC.remove("requestId");
        }
    }
}
