package com.loyalty.client;

import com.loyalty.shared.crypto.RandomTokens;
import com.loyalty.shared.graphql.BusinessException;
import com.loyalty.shared.graphql.ErrorCode;
import com.loyalty.shared.ratelimit.RateLimitedAction;
import com.loyalty.shared.ratelimit.RateLimits;
import com.loyalty.shared.security.AccessToken;
import com.loyalty.shared.security.AccessTokens;
import com.loyalty.shared.security.ClientSessions;
import com.loyalty.shared.security.Viewer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.redisson.api.RedissonReactiveClient;
import org.redisson.client.codec.StringCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Machine clients' secrets and access tokens. A secret is 256 random bits shown once and kept as its
 * SHA-256 (a high-entropy secret needs no slow hash). A token is a JWT of {@link AccessTokens}
 * naming the secret it was issued for ({@code sid}); while any such token may be in use, Redis holds
 * {@code client:token:<secret id>} (value: the client id), expiring with the last token issued and
 * never after the secret. Every request checks that key (one GET): revoking or changing the client,
 * or the end of a rotated secret's grace, deletes or shortens it, so the client's tokens stop on its
 * next request. Lost Redis data means ended (the client asks for a new token), never the other way
 * round; while Redis cannot be reached the answer comes from PostgreSQL (one indexed read).
 */
@Component
class ClientTokens implements ClientSessions {

    private static final Logger log = LoggerFactory.getLogger(ClientTokens.class);
    private static final Duration PATIENCE = Duration.ofMillis(500);
    private static final Duration SKIP_REDIS = Duration.ofSeconds(2);
    private static final String SECRET_PREFIX = "lcs_";

    private final ApiClientRepository clients;
    private final AccessTokens accessTokens;
    private final ApiClientProperties properties;
    private final RedissonReactiveClient redis;
    private final RateLimits rateLimits;
    private final Clock clock;
    private final AtomicLong redisSkippedUntil = new AtomicLong(System.nanoTime());

    ClientTokens(ApiClientRepository clients, AccessTokens accessTokens, ApiClientProperties properties,
                 RedissonReactiveClient redis, RateLimits rateLimits, Clock clock) {
        this.clients = clients;
        this.accessTokens = accessTokens;
        this.properties = properties;
        this.redis = redis;
        this.rateLimits = rateLimits;
        this.clock = clock;
    }

    /** Why no token was issued, as RFC 6749 (section 5.2) names it. */
    static final class Refused extends RuntimeException {
        final String error;

        Refused(String error, String description) {
            super(description, null, false, false);
            this.error = error;
        }
    }

    /** An access token and what it allows. */
    record Granted(String token, Instant expiresAt, Set<String> scopes) {
    }

    /** A new secret, shown once, and the hash that is kept. */
    record NewSecret(String secret, String hash) {
    }

    static NewSecret newSecret() {
        String secret = SECRET_PREFIX + RandomTokens.urlSafe(32);
        return new NewSecret(secret, hash(secret));
    }

    static String hash(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A token for the client when the secret is one of its valid secrets and the client is active, with
     * the scopes asked for ({@code null}: all of the client's); invalid_client or invalid_scope otherwise,
     * rate_limited past the token limit of the client at that {@code address}.
     */
    Mono<Granted> issue(long clientId, String secret, Set<String> requestedScopes, String address) {
        Instant now = clock.instant();
        // per client and address: wrong secrets sent from elsewhere do not use up the POS's own budget
        return rateLimits.acquire(RateLimitedAction.CLIENT_TOKEN, clientId + "@" + address)
                .onErrorMap(BusinessException.class, e -> e.error().code() == ErrorCode.RATE_LIMITED
                        ? new Refused("rate_limited", "获取令牌太频繁，请稍后再试") : e)
                .then(clients.validSecret(clientId, hash(secret), now))
                .switchIfEmpty(Mono.error(() -> new Refused("invalid_client", "客户端编号或密钥错误，或客户端已吊销")))
                .flatMap(valid -> clients.findActive(clientId)
                        .switchIfEmpty(Mono.error(() -> new Refused("invalid_client", "客户端已吊销")))
                        .flatMap(client -> grant(client, valid, requestedScopes, now)));
    }

    private Mono<Granted> grant(ApiClient client, ApiClientRepository.ValidSecret secret, Set<String> requested,
                                Instant now) {
        Set<String> scopes = requested == null ? client.scopes() : requested;
        if (!client.scopes().containsAll(scopes)) {
            Set<String> unknown = new LinkedHashSet<>(scopes);
            unknown.removeAll(client.scopes());
            return Mono.error(new Refused("invalid_scope", "客户端没有这些权限：" + String.join(" ", unknown)));
        }
        Duration ttl = properties.tokenTtl();
        if (secret.expiresAt() != null && Duration.between(now, secret.expiresAt()).compareTo(ttl) < 0) {
            ttl = Duration.between(now, secret.expiresAt());
        }
        Viewer viewer = Viewer.client(client.id(), client.brandId(), scopes, client.storeIds());
        AccessTokens.Issued issued = accessTokens.issueClient(viewer, String.valueOf(secret.secretId()), ttl);
        Duration keyTtl = Duration.between(now, issued.expiresAt()).plusSeconds(1);
        return redis.getBucket(key(secret.secretId()), StringCodec.INSTANCE).set(String.valueOf(client.id()), keyTtl)
                // revoked or changed while the token was being made: it must not outlive that
                .then(clients.secretLive(client.id(), secret.secretId(), clock.instant()))
                .flatMap(live -> live ? clients.touch(client.id(), now).thenReturn(new Granted(issued.token(),
                                issued.expiresAt(), scopes))
                        : endTokens(java.util.List.of(secret.secretId()))
                                .then(Mono.error(new Refused("invalid_client", "客户端已吊销"))));
    }

    @Override
    public Mono<Admission> admit(AccessToken token) {
        long clientId = token.viewer().id();
        long secretId;
        try {
            secretId = Long.parseLong(token.sessionId());
        } catch (NumberFormatException e) {
            return Mono.just(Admission.ENDED);
        }
        return live(clientId, secretId).flatMap(live -> !live ? Mono.just(Admission.ENDED)
                : rateLimits.acquire(RateLimitedAction.CLIENT_REQUEST, clientId).thenReturn(Admission.ADMITTED)
                        .onErrorResume(BusinessException.class, e -> e.error().code() == ErrorCode.RATE_LIMITED
                                ? Mono.just(Admission.RATE_LIMITED) : Mono.error(e)));
    }

    private Mono<Boolean> live(long clientId, long secretId) {
        if (System.nanoTime() - redisSkippedUntil.get() < 0) {
            return clients.secretLive(clientId, secretId, clock.instant());
        }
        return redis.<String>getBucket(key(secretId), StringCodec.INSTANCE).get()
                .map(owner -> owner.equals(String.valueOf(clientId)))
                .defaultIfEmpty(false)
                .timeout(PATIENCE)
                .onErrorResume(e -> {
                    if (System.nanoTime() - redisSkippedUntil.getAndSet(System.nanoTime() + SKIP_REDIS.toNanos()) >= 0) {
                        log.warn("Redis unavailable for API client checks, checking clients in PostgreSQL: {}",
                                e.toString());
                    }
                    return clients.secretLive(clientId, secretId, clock.instant());
                });
    }

    /** Ends at once every token issued for these secrets. */
    Mono<Void> endTokens(Collection<Long> secretIds) {
        return Flux.fromIterable(secretIds).flatMap(id -> redis.getBucket(key(id), StringCodec.INSTANCE).delete())
                .then();
    }

    /** Ends the tokens of these secrets within {@code grace} at the latest. */
    Mono<Void> endTokensWithin(Collection<Long> secretIds, Duration grace) {
        if (grace.compareTo(properties.tokenTtl()) >= 0) {
            return Mono.empty(); // every token of theirs expires before the grace ends
        }
        if (grace.isZero() || grace.isNegative()) {
            return endTokens(secretIds);
        }
        return Flux.fromIterable(secretIds).flatMap(id -> redis.getBucket(key(id), StringCodec.INSTANCE).expire(grace))
                .then();
    }

    private static String key(long secretId) {
        return "client:token:" + secretId;
    }
}
