package com.loyalty.membercode;

import com.loyalty.shared.crypto.Hmac;
import com.loyalty.shared.graphql.BusinessException;
import com.loyalty.shared.graphql.ErrorCode;
import com.loyalty.shared.security.AuthProperties;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import org.redisson.api.RBucketReactive;
import org.redisson.api.RedissonReactiveClient;
import org.redisson.client.codec.StringCodec;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Signs member codes ({@code <memberId>.<expiresEpochSecond>.<nonce>.<signature>}, HMAC-SHA256
 * truncated to 128 bits) and redeems them once: Redis remembers each used nonce until it has
 * expired anyway.
 */
@Component
class MemberCodes {

    static final Duration VALIDITY = Duration.ofSeconds(60);
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private final byte[] key;
    private final RedissonReactiveClient redis;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    MemberCodes(AuthProperties auth, RedissonReactiveClient redis, Clock clock) {
        this.key = Hmac.sha256(auth.jwtSecret().getBytes(StandardCharsets.UTF_8), "member-code");
        this.redis = redis;
        this.clock = clock;
    }

    public MemberCode issue(long memberId) {
        Instant expiresAt = clock.instant().plus(VALIDITY).truncatedTo(ChronoUnit.SECONDS);
        byte[] nonce = new byte[9];
        random.nextBytes(nonce);
        String body = memberId + "." + expiresAt.getEpochSecond() + "." + B64.encodeToString(nonce);
        return new MemberCode(body + "." + sign(body), expiresAt);
    }

    /**
     * The member behind a valid, unexpired, unused code; the code cannot be used again after this,
     * except for the same {@code purpose} (a retry of the same order). A null purpose never repeats.
     */
    public Mono<Long> redeem(String token, String purpose) {
        Optional<Signed> signed = read(token);
        if (signed.isEmpty()) {
            return Mono.error(new BusinessException(ErrorCode.CODE_INVALID, "会员码无效"));
        }
        if (!clock.instant().isBefore(signed.get().expiresAt())) {
            return Mono.error(new BusinessException(ErrorCode.CODE_EXPIRED, "会员码已过期，请会员刷新后重试"));
        }
        String nonce = signed.get().nonce();
        RBucketReactive<String> used = redis.getBucket("membercode:used:" + nonce, StringCodec.INSTANCE);
        String mark = purpose == null ? "once:" + nonce + ":" + random.nextLong() : purpose;
        return used.setIfAbsent(mark, VALIDITY.plusSeconds(60))
                .flatMap(first -> first ? Mono.just(true) : used.get().map(mark::equals))
                .flatMap(ok -> ok ? Mono.just(signed.get().memberId())
                        : Mono.error(new BusinessException(ErrorCode.CODE_USED, "会员码已使用，请会员刷新后重试")));
    }

    /** What a code with a valid signature says; empty for a mistyped or forged one. */
    public record Signed(long memberId, Instant expiresAt, String nonce) {
    }

    public Optional<Signed> read(String token) {
        String[] parts = token == null ? new String[0] : token.strip().split("\\.");
        if (parts.length != 4 || !MessageDigest.isEqual(
                sign(parts[0] + "." + parts[1] + "." + parts[2]).getBytes(StandardCharsets.US_ASCII),
                parts[3].getBytes(StandardCharsets.US_ASCII))) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Signed(Long.parseLong(parts[0]), Instant.ofEpochSecond(Long.parseLong(parts[1])),
                    parts[2]));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private String sign(String body) {
        return B64.encodeToString(Arrays.copyOf(Hmac.sha256(key, body), 16));
    }
}
