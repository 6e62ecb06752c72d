package com.loyalty.shared.graphql;

import java.net.InetSocketAddress;
import java.util.Map;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Puts the caller's address in the GraphQL context as {@value #KEY}: behind trusted proxies the
 * client's, taken from X-Forwarded-For by {@link com.loyalty.shared.security.TrustedProxies}.
 */
@Component
public class ClientAddress implements WebGraphQlInterceptor {

    public static final String KEY = "clientAddress";

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        InetSocketAddress remote = request.getRemoteAddress();
        String address = remote == null ? "unknown"
                : remote.getAddress() == null ? remote.getHostString() : remote.getAddress().getHostAddress();
        request.configureExecutionInput((input, builder) -> builder.graphQLContext(Map.of(KEY, address)).build());
        return chain.next(request);
    }
}
