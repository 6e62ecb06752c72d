package com.loyalty.console;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * The security headers of every response under /console (pages, files, the session routes, and
 * refusals and errors alike), set just before the response is committed. They are in place before
 * Spring Security's defaults are written, which then leave them as they are.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class ConsoleHeaders implements WebFilter {

    /**
     * The console's Content-Security-Policy: scripts, styles, fonts, pictures and API calls come
     * from this origin only (the console is built with every file local: no CDN, no inline script or
     * style, no eval); pictures and fonts may also be {@code data:} URIs and pictures {@code blob:}
     * (ECharts' "save as image", previews); no plugins, no {@code <base>} elsewhere, forms post only
     * here, and no other site may frame the console (clickjacking).
     */
    static final String CONTENT_SECURITY_POLICY = String.join("; ",
            "default-src 'self'",
            "script-src 'self'",
            "style-src 'self'",
            "img-src 'self' data: blob:",
            "font-src 'self' data:",
            "connect-src 'self'",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            "frame-ancestors 'none'");

    /** The console's paths: /console and everything under /console/. */
    static boolean isConsole(String path) {
        return path.equals(ConsolePages.ROOT) || path.startsWith(ConsolePages.ROOT + "/");
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (isConsole(exchange.getRequest().getPath().pathWithinApplication().value())) {
            exchange.getResponse().beforeCommit(() -> {
                HttpHeaders headers = exchange.getResponse().getHeaders();
                headers.set("Content-Security-Policy", CONTENT_SECURITY_POLICY);
                headers.set("X-Content-Type-Options", "nosniff");
                headers.set("Referrer-Policy", "same-origin");
                headers.set("X-Frame-Options", "DENY");
                return Mono.empty();
            });
        }
        return chain.filter(exchange);
    }
}
