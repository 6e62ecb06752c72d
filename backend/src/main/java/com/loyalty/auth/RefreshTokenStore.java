package com.loyalty.auth;

import com.loyalty.shared.graphql.BusinessException;
import com.loyalty.shared.graphql.ErrorCode;
import com.loyalty.shared.security.AuthProperties;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import com.loyalty.shared.crypto.RandomTokens;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.redisson.api.BatchOptions;
import org.redisson.api.RBatchReactive;
import org.redisson.api.RMapReactive;
import org.redisson.api.RedissonReactiveClient;
import org.redisson.client.codec.StringCodec;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Opaque rotating refresh tokens in Redis. A token is {@code <family>.<secret>}; one Redis hash
 * per family (one per sign-in) keeps the owner and the SHA-256 of the only token that is still
 * current. Rotating swaps that hash atomically; presenting an older token of the family means it
 * was copied, so the whole family is deleted. Raw tokens are never stored. The family is also
 * the sign-in's id in its access tokens ({@code sid}): a sign-in is live while its hash exists.
 */
@Component
class RefreshTokenStore {

    private static final String SUBJECT = "subject";
    private static final String CURRENT = "current";

    private final RedissonReactiveClient redis;
    private final AuthProperties properties;

    RefreshTokenStore(RedissonReactiveClient redis, AuthProperties properties) {
        this.redis = redis;
        this.properties = properties;
    }

    /** A new token after rotation, with the subject it belongs to. */
    public record Rotation(String subject, String refreshToken) {
    }

    /** Starts a new sign-in for the subject and returns its first refresh token. */
    public Mono<String> create(String subject) {
        String family = RandomTokens.urlSafe(16);
        String token = family + "." + RandomTokens.urlSafe(32);
        RBatchReactive batch = redis.createBatch(BatchOptions.defaults()
                .executionMode(BatchOptions.ExecutionMode.IN_MEMORY_ATOMIC));
        batch.<String, String>getMap(key(family), StringCodec.INSTANCE)
                .putAll(Map.of(SUBJECT, subject, CURRENT, sha256(token)));
        batch.getMap(key(family), StringCodec.INSTANCE).expire(properties.refreshTokenTtl());
        batch.<String>getSet(subjectKey(subject), StringCodec.INSTANCE).add(family);
        batch.getSet(subjectKey(subject), StringCodec.INSTANCE).expire(properties.refreshTokenTtl());
        return batch.execute().thenReturn(token);
    }

    /**
     * Ends every sign-in of the subject (disabled staff, account closure, endMySessions) and returns
     * the families (sign-in ids) that were still open; those ended before (logout, expiry) are left out.
     */
    public Mono<Set<String>> revokeAll(String subject) {
        var families = redis.<String>getSet(subjectKey(subject), StringCodec.INSTANCE);
        return families.readAll().flatMap(all -> {
            List<String> listed = List.copyOf(all);
            RBatchReactive batch = redis.createBatch(BatchOptions.defaults());
            listed.forEach(family -> batch.getMap(key(family), StringCodec.INSTANCE).delete());
            batch.getSet(subjectKey(subject), StringCodec.INSTANCE).delete();
            return batch.execute().map(result -> {
                // the answers come in the order of the commands: one per family, then the subject's set
                Set<String> open = new LinkedHashSet<>();
                for (int i = 0; i < listed.size(); i++) {
                    if (Boolean.TRUE.equals(result.getResponses().get(i))) {
                        open.add(listed.get(i));
                    }
                }
                return open;
            });
        });
    }

    /** Whether the sign-in (family) is still open: one EXISTS. */
    public Mono<Boolean> isOpen(String family) {
        return map(family).isExists();
    }

    /** Replaces the token with a new one; REFRESH_TOKEN_INVALID or REFRESH_TOKEN_REUSED otherwise. */
    public Mono<Rotation> rotate(String token) {
        String family = familyOf(token);
        if (family == null) {
            return Mono.error(invalid());
        }
        RMapReactive<String, String> session = map(family);
        String next = family + "." + RandomTokens.urlSafe(32);
        return session.readAllMap().flatMap(fields -> {
            String subject = fields.get(SUBJECT);
            if (subject == null) {
                return Mono.error(invalid());
            }
            return session.replace(CURRENT, sha256(token), sha256(next)).flatMap(swapped -> swapped
                    ? extend(family, subject).thenReturn(new Rotation(subject, next))
                    : session.delete().then(Mono.error(new BusinessException(ErrorCode.REFRESH_TOKEN_REUSED,
                            "登录凭证已被使用，为保护账号安全已全部失效，请重新登录"))));
        });
    }

    /**
     * Keeps the sign-in and the subject's list of sign-ins for another refresh-token lifetime, so
     * that ending every sign-in of the subject still finds one refreshed for longer than that.
     */
    private Mono<Void> extend(String family, String subject) {
        RBatchReactive batch = redis.createBatch(BatchOptions.defaults());
        batch.getMap(key(family), StringCodec.INSTANCE).expire(properties.refreshTokenTtl());
        batch.<String>getSet(subjectKey(subject), StringCodec.INSTANCE).add(family);
        batch.getSet(subjectKey(subject), StringCodec.INSTANCE).expire(properties.refreshTokenTtl());
        return batch.execute().then();
    }

    /** Ends the sign-in the token belongs to; false when it was already unknown. */
    public Mono<Boolean> revoke(String token) {
        String family = familyOf(token);
        return family == null ? Mono.just(false) : map(family).delete();
    }

    private RMapReactive<String, String> map(String family) {
        return redis.getMap(key(family), StringCodec.INSTANCE);
    }

    private static String key(String family) {
        return "auth:refresh:" + family;
    }

    /** The families (sign-ins) of one subject, so closing an account can end them all. */
    private static String subjectKey(String subject) {
        return "auth:refresh:subject:" + subject;
    }

    /** The family (sign-in id) of a refresh token; null when it is not shaped like one. */
    static String familyOf(String token) {
        if (token == null) {
            return null;
        }
        int dot = token.indexOf('.');
        return dot <= 0 || dot == token.length() - 1 ? null : token.substring(0, dot);
    }

    private static BusinessException invalid() {
        return new BusinessException(ErrorCode.REFRESH_TOKEN_INVALID, "登录已过期，请重新登录");
    }


    private static String sha256(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
