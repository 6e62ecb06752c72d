package com.loyalty.shared.graphql;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Answers 413 to a request body over {@code loyalty.graphql.max-body-size}: at once when its
 * Content-Length says so, otherwise as soon as that many bytes have arrived. A
 * {@link LargerBodyRoute} (an upload) has its own limit and its own answer.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestBodyLimit implements WebFilter {

    private final long defaultMaxBytes;
    private final List<LargerBodyRoute> largerRoutes;

    RequestBodyLimit(GraphQlLimitsProperties limits, List<LargerBodyRoute> largerRoutes) {
        this.defaultMaxBytes = limits.maxBodySize().toBytes();
        this.largerRoutes = List.copyOf(largerRoutes);
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        LargerBodyRoute route = largerRoutes.stream().filter(r -> r.matches(exchange.getRequest())).findFirst().orElse(null);
        long maxBytes = route == null ? defaultMaxBytes : route.maxBytes();
        Function<ServerWebExchange, Mono<Void>> tooLarge = route == null ? RequestBodyLimit::tooLarge : route::tooLarge;
        if (exchange.getRequest().getHeaders().getContentLength() > maxBytes) {
            return tooLarge.apply(exchange);
        }
        ServerHttpRequestDecorator counted = new ServerHttpRequestDecorator(exchange.getRequest()) {
            @Override
            public Flux<DataBuffer> getBody() {
                AtomicLong seen = new AtomicLong();
                return super.getBody().doOnNext(buffer -> {
                    if (seen.addAndGet(buffer.readableByteCount()) > maxBytes) {
                        DataBufferUtils.release(buffer);
                        throw new DataBufferLimitException("request body over " + maxBytes + " bytes");
                    }
                });
            }
        };
        return chain.filter(exchange.mutate().request(counted).build())
                .onErrorResume(DataBufferLimitException.class, e -> exchange.getResponse().isCommitted()
                        ? Mono.empty() : tooLarge.apply(exchange));
    }

    private static Mono<Void> tooLarge(ServerWebExchange exchange) {
        if (exchange.getResponse().isCommitted()) {
            return Mono.empty();
        }
        exchange.getResponse().setStatusCode(HttpStatus.CONTENT_TOO_LARGE);
        return exchange.getResponse().setComplete();
    }
}
