package com.loyalty.shared.security;

import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.redisson.api.RTopicReactive;
import org.redisson.api.RedissonClient;
import org.redisson.api.RedissonReactiveClient;
import org.redisson.client.codec.StringCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.graphql.autoconfigure.GraphQlCorsProperties;
import org.springframework.boot.graphql.autoconfigure.GraphQlProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.graphql.server.webflux.GraphQlWebSocketHandler;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.stereotype.Component;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.reactive.socket.CloseStatus;
import org.springframework.web.reactive.socket.WebSocketSession;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The graphql-ws connections open on this instance and the access token each signed in with, so
 * that a connection is closed (4401 Unauthorized, as graphql-ws specifies) when its token expires
 * (checked every second against the clock, in memory) or its sign-in ends (announced to every
 * instance on the Redis topic {@code auth:sessions-ended}; without Redis the next message on the
 * connection is still refused, see {@link WebSocketAuthentication}).
 */
@Component
public class OpenSockets implements DisposableBean {

    /** graphql-ws: "Unauthorized", the client signs in again before reconnecting. */
    public static final CloseStatus UNAUTHORIZED = new CloseStatus(4401, "Unauthorized");

    private static final Logger log = LoggerFactory.getLogger(OpenSockets.class);
    private static final String TOPIC = "auth:sessions-ended";
    private static final Duration SWEEP = Duration.ofSeconds(1);

    private final Map<String, WebSocketSession> open = new ConcurrentHashMap<>();
    private final Map<String, AccessToken> signedIn = new ConcurrentHashMap<>();
    private final RTopicReactive topic;
    private final Clock clock;
    private final Disposable sweeper;

    public OpenSockets(RedissonClient redis, RedissonReactiveClient reactive, Clock clock) {
        this.clock = clock;
        this.topic = reactive.getTopic(TOPIC, StringCodec.INSTANCE);
        redis.getTopic(TOPIC, StringCodec.INSTANCE)
                .addListener(String.class, (channel, message) -> closeLocal(Set.of(message.split(","))));
        this.sweeper = Flux.interval(SWEEP).subscribe(tick -> closeExpired());
    }

    /** Tells every instance that these sign-ins ended, so their connections close. */
    public Mono<Void> ended(Collection<String> sessionIds) {
        if (sessionIds.isEmpty()) {
            return Mono.empty();
        }
        return topic.publish(String.join(",", sessionIds))
                .onErrorResume(e -> {
                    // each connection's next message is refused anyway; its token expires soon
                    log.warn("could not announce {} ended sign-ins: {}", sessionIds.size(), e.toString());
                    return Mono.just(0L);
                })
                .then();
    }

    /** The connection signed in with this token (on {@code connection_init}). */
    void signIn(String socketId, AccessToken token) {
        if (open.containsKey(socketId)) {
            signedIn.put(socketId, token);
        }
    }

    /** Closes the connection as Unauthorized. */
    void close(String socketId) {
        WebSocketSession socket = open.remove(socketId);
        signedIn.remove(socketId);
        if (socket != null) {
            socket.close(UNAUTHORIZED).subscribe(null, e -> log.debug("closing socket {}: {}", socketId, e.toString()));
        }
    }

    private void closeLocal(Set<String> sessionIds) {
        signedIn.forEach((socketId, token) -> {
            if (sessionIds.contains(token.sessionId())) {
                close(socketId);
            }
        });
    }

    private void closeExpired() {
        var now = clock.instant();
        Set<String> expired = new HashSet<>();
        signedIn.forEach((socketId, token) -> {
            if (token.expiredAt(now)) {
                expired.add(socketId);
            }
        });
        expired.forEach(this::close);
    }

    private Mono<Void> track(WebSocketSession socket, Mono<Void> handling) {
        open.put(socket.getId(), socket);
        return handling.doFinally(signal -> {
            open.remove(socket.getId());
            signedIn.remove(socket.getId());
        });
    }

    @Override
    public void destroy() {
        sweeper.dispose();
    }

    /** Spring Boot's graphql-ws handler, with its connections tracked here. */
    @Configuration(proxyBeanMethods = false)
    static class Handler {

        @Bean
        GraphQlWebSocketHandler graphQlWebSocketHandler(WebGraphQlHandler graphQlHandler, GraphQlProperties properties,
                                                        GraphQlCorsProperties cors, ServerCodecConfigurer codecs,
                                                        OpenSockets sockets) {
            GraphQlProperties.Websocket ws = properties.getWebsocket();
            CorsConfiguration corsConfiguration = cors.toCorsConfiguration();
            return new GraphQlWebSocketHandler(graphQlHandler, codecs, ws.getConnectionInitTimeout(), ws.getKeepAlive(),
                    corsConfiguration == null ? new CorsConfiguration() : corsConfiguration) {
                @Override
                public Mono<Void> handle(WebSocketSession session) {
                    return sockets.track(session, super.handle(session));
                }
            };
        }
    }
}
