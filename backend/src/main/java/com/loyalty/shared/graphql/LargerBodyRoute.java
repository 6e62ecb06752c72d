package com.loyalty.shared.graphql;

import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * A route that takes larger request bodies than GraphQL's {@code loyalty.graphql.max-body-size}
 * (an upload): {@link RequestBodyLimit} holds its requests to {@link #maxBytes()} instead, in the
 * same way (at once by Content-Length, otherwise as the bytes arrive), and lets it answer a body
 * over that itself. Implementations are Spring beans of the module that owns the route.
 */
public interface LargerBodyRoute {

    boolean matches(ServerHttpRequest request);

    long maxBytes();

    /** Writes the answer to a body over the limit (the response is not committed yet). */
    Mono<Void> tooLarge(ServerWebExchange exchange);

    /**
     * Writes a JSON refusal as the answer to a body over the limit, and closes the connection
     * rather than read the rest the client is still sending.
     */
    static Mono<Void> refuse(ServerWebExchange exchange, org.springframework.http.ResponseEntity<Object> answer,
                             tools.jackson.databind.json.JsonMapper json) {
        exchange.getResponse().setStatusCode(answer.getStatusCode());
        exchange.getResponse().getHeaders().setContentType(org.springframework.http.MediaType.APPLICATION_JSON);
        exchange.getResponse().getHeaders().setConnection("close");
        byte[] body = json.writeValueAsBytes(answer.getBody());
        return exchange.getResponse().writeWith(Mono.just(exchange.getResponse().bufferFactory().wrap(body)));
    }
}
