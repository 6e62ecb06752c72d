package com.loyalty.membercode;

import com.loyalty.shared.crypto.RandomTokens;
import com.loyalty.shared.graphql.BusinessException;
import com.loyalty.shared.graphql.ErrorCode;
import com.loyalty.shared.graphql.UserError;
import com.loyalty.shared.security.Viewer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Objects;
import org.redisson.api.RBucketReactive;
import org.redisson.api.RedissonReactiveClient;
import org.redisson.client.codec.StringCodec;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Proof that a member is at the till, handed out when their (single-use) code is scanned: a random
 * token that Redis keeps, hashed, with the member, the store and the staff member who scanned it,
 * for {@link #VALIDITY}. It pays for one order only: the first order it is used with binds it, and
 * only retries of that same order may use it again.
 */
@Component
class TillProofs {

    static final Duration VALIDITY = Duration.ofMinutes(10);

    private final RedissonReactiveClient redis;
    private final Clock clock;

    TillProofs(RedissonReactiveClient redis, Clock clock) {
        this.redis = redis;
        this.clock = clock;
    }

    /** A new proof that {@code memberId} was at the till of {@code staff} (their store) just now. */
    public Mono<TillProof> issue(Viewer staff, long memberId) {
        String token = RandomTokens.urlSafe(24);
        Instant expiresAt = clock.instant().plus(VALIDITY).truncatedTo(ChronoUnit.SECONDS);
        String value = memberId + ":" + staff.id() + ":" + (staff.storeId() == null ? "" : staff.storeId())
                + ":" + expiresAt.getEpochSecond();
        return bucket(token, "").set(value, VALIDITY).thenReturn(new TillProof(token, expiresAt));
    }

    /**
     * The member the proof stands for, when it was handed to this staff member at this store (an
     * admin's proof: any store) and is unused or was used for this same {@code order}; the proof is
     * bound to {@code order} from then on. Fails with MEMBER_PROOF_INVALID otherwise.
     */
    public Mono<Long> use(Viewer staff, long storeId, String token, String order) {
        if (token == null || token.isBlank() || token.length() > 64) {
            return Mono.error(invalid());
        }
        String t = token.strip();
        return bucket(t, "").get()
                .flatMap(value -> {
                    String[] parts = value.split(":", -1);
                    boolean sameStaff = Long.parseLong(parts[1]) == staff.id();
                    boolean sameStore = parts[2].isEmpty() || Objects.equals(Long.parseLong(parts[2]), storeId);
                    boolean unexpired = clock.instant().isBefore(Instant.ofEpochSecond(Long.parseLong(parts[3])));
                    if (!sameStaff || !sameStore || !unexpired) {
                        return Mono.error(invalid());
                    }
                    RBucketReactive<String> bound = bucket(t, ":order");
                    return bound.setIfAbsent(order, VALIDITY)
                            .flatMap(first -> first ? Mono.just(true) : bound.get().map(order::equals))
                            .flatMap(ok -> ok ? Mono.just(Long.parseLong(parts[0])) : Mono.error(new BusinessException(
                                    UserError.onInput("tillProof", ErrorCode.MEMBER_PROOF_INVALID,
                                            "这次扫码已用于另一笔订单，请会员刷新会员码后重新扫描"))));
                })
                .switchIfEmpty(Mono.error(TillProofs::invalid));
    }

    private static BusinessException invalid() {
        return new BusinessException(UserError.onInput("tillProof", ErrorCode.MEMBER_PROOF_INVALID,
                "扫码凭证无效或已过期（10 分钟内、同一门店同一店员有效），请重新扫描会员码"));
    }

    private RBucketReactive<String> bucket(String token, String suffix) {
        return redis.getBucket("membercode:proof:" + sha256(token) + suffix, StringCodec.INSTANCE);
    }

    private static String sha256(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What the till gets with a scanned member's card. */
    public record TillProof(String token, Instant expiresAt) {
    }
}
