package com.loyalty.shared.graphql;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * Serves the self-hosted GraphiQL playground at /graphiql (scripts and styles come from webjars
 * on our own server, never a CDN). On with {@code loyalty.graphiql.enabled=true} (dev profile).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "loyalty.graphiql.enabled", havingValue = "true")
class GraphiQlPage {

    @Bean
    RouterFunction<ServerResponse> graphiQlRoute() {
        ClassPathResource page = new ClassPathResource("graphiql/index.html");
        return RouterFunctions.route()
                .GET("/graphiql", request -> ServerResponse.ok().contentType(MediaType.TEXT_HTML).bodyValue(page))
                .GET("/graphiql/", request -> ServerResponse.ok().contentType(MediaType.TEXT_HTML).bodyValue(page))
                .build();
    }
}
