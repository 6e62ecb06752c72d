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
import java.util.random.RandomGenerator;
import org.redisson.api.RBucketReactive;
import org.redisson.api.RedissonReactiveClient;
import org.redisson.client.codec.StringCodec;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Signs member codes ({@code <memberId>.<expiresEpochSecond>.<nonce>.<signature>}, HMAC-SHA256
 * truncated to 128 bits) and redeems them once: Redis remembers each used nonce until it has
 * expired anyway. Each code also gets 18 random digits ({@link CodeDigits}) that Redis binds to it
 * (keyed by their HMAC and holding the code without its signature, so neither keys nor values give
 * live codes away): the QR's token and the digits are one code, with one lifetime, used up together.
 */
@Component
class MemberCodes {

    static final Duration VALIDITY = Duration.ofSeconds(60);
    /** How long digits stay bound after their code expired: typed late, they answer CODE_EXPIRED, not CODE_INVALID. */
    static final Duration DIGITS_KEPT = VALIDITY.plus(Duration.ofMinutes(10));
    /** Draws of fresh digits before giving up (a clash among 10^15 is already unlikely once). */
    private static final int DIGIT_DRAWS = 5;
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private final byte[] key;
    private final RedissonReactiveClient redis;
    private final Clock clock;
    private final RandomGenerator random;

    @Autowired
    MemberCodes(AuthProperties auth, RedissonReactiveClient redis, Clock clock) {
        this(auth, redis, clock, new SecureRandom());
    }

    /** With the source of nonces and digits given (tests draw the same digits twice to see a clash resolved). */
    MemberCodes(AuthProperties auth, RedissonReactiveClient redis, Clock clock, RandomGenerator random) {
        this.key = Hmac.sha256(auth.jwtSecret().getBytes(StandardCharsets.UTF_8), "member-code");
        this.redis = redis;
        this.clock = clock;
        this.random = random;
    }

    /** A new code for the member: the signed token and its digits, bound in Redis. */
    public Mono<MemberCode> issue(long memberId) {
        Instant expiresAt = clock.instant().plus(VALIDITY).truncatedTo(ChronoUnit.SECONDS);
        byte[] nonce = new byte[9];
        random.nextBytes(nonce);
        String body = memberId + "." + expiresAt.getEpochSecond() + "." + B64.encodeToString(nonce);
        return bindDigits(body, DIGIT_DRAWS).map(digits -> new MemberCode(body + "." + sign(body), digits, expiresAt));
    }

    /**
     * Draws digits no live code holds (collision-checked by setIfAbsent) and binds them to the
     * code's body: without its signature, so what Redis holds cannot be shown as a QR code.
     */
    private Mono<String> bindDigits(String body, int drawsLeft) {
        String digits = CodeDigits.random(random);
        return digitsBucket(digits).setIfAbsent(body, DIGITS_KEPT)
                .flatMap(free -> free ? Mono.just(digits)
                        : drawsLeft > 1 ? bindDigits(body, drawsLeft - 1)
                        : Mono.error(new IllegalStateException("no free member-code digits in " + DIGIT_DRAWS + " draws")));
    }

    /**
     * What a code says, given as the QR's token or as its digits (spaces ignored); empty for a
     * mistyped, forged or unknown one.
     */
    public Mono<Signed> find(String code) {
        if (CodeDigits.looksNumeric(code)) {
            return Mono.justOrEmpty(CodeDigits.parse(code))
                    .flatMap(digits -> digitsBucket(digits).get())
                    .flatMap(body -> Mono.justOrEmpty(parse(body.split("\\."))));
        }
        return Mono.justOrEmpty(read(code));
    }

    /**
     * The member behind a valid, unexpired, unused code; the code cannot be used again after this,
     * except for the same {@code purpose} (a retry of the same order). A null purpose never repeats.
     */
    public Mono<Long> redeem(String code, String purpose) {
        return find(code)
                .switchIfEmpty(Mono.error(() -> new BusinessException(ErrorCode.CODE_INVALID, "会员码无效")))
                .flatMap(signed -> {
                    if (!clock.instant().isBefore(signed.expiresAt())) {
                        return Mono.error(new BusinessException(ErrorCode.CODE_EXPIRED, "会员码已过期，请会员刷新后重试"));
                    }
                    String nonce = signed.nonce();
                    RBucketReactive<String> used = redis.getBucket("membercode:used:" + nonce, StringCodec.INSTANCE);
                    String mark = purpose == null ? "once:" + nonce + ":" + random.nextLong() : purpose;
                    return used.setIfAbsent(mark, VALIDITY.plusSeconds(60))
                            .flatMap(first -> first ? Mono.just(true) : used.get().map(mark::equals))
                            .flatMap(ok -> ok ? Mono.just(signed.memberId())
                                    : Mono.error(new BusinessException(ErrorCode.CODE_USED, "会员码已使用，请会员刷新后重试")));
                });
    }

    /** What a valid code says: whose it is, until when, and the nonce that marks its use. */
    public record Signed(long memberId, Instant expiresAt, String nonce) {
    }

    /** What a token with a valid signature says; empty for a mistyped or forged one. */
    private Optional<Signed> read(String token) {
        String[] parts = token == null ? new String[0] : token.strip().split("\\.");
        if (parts.length != 4 || !MessageDigest.isEqual(
                sign(parts[0] + "." + parts[1] + "." + parts[2]).getBytes(StandardCharsets.US_ASCII),
                parts[3].getBytes(StandardCharsets.US_ASCII))) {
            return Optional.empty();
        }
        return parse(parts);
    }

    /** The member, expiry and nonce of a code's body ({@code <memberId>.<expiresEpochSecond>.<nonce>}). */
    private static Optional<Signed> parse(String[] parts) {
        try {
            return Optional.of(new Signed(Long.parseLong(parts[0]), Instant.ofEpochSecond(Long.parseLong(parts[1])),
                    parts[2]));
        } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
            return Optional.empty();
        }
    }

    private RBucketReactive<String> digitsBucket(String digits) {
        return redis.getBucket("membercode:digits:" + sign("digits:" + digits), StringCodec.INSTANCE);
    }

    private String sign(String body) {
        return B64.encodeToString(Arrays.copyOf(Hmac.sha256(key, body), 16));
    }
}
