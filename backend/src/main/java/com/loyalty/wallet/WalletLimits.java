package com.loyalty.wallet;

import com.loyalty.shared.graphql.BusinessException;
import com.loyalty.shared.graphql.ErrorCode;
import java.time.Duration;
import org.redisson.api.RRateLimiterReactive;
import org.redisson.api.RateType;
import org.redisson.api.RedissonReactiveClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Limits stored-value operations at tills per member (payments and recharges), in Redis. */
@Component
public class WalletLimits {

    private static final Duration WINDOW = Duration.ofMinutes(1);

    private final RedissonReactiveClient redis;
    private final WalletProperties properties;

    public WalletLimits(RedissonReactiveClient redis, WalletProperties properties) {
        this.redis = redis;
        this.properties = properties;
    }

    /** Takes one operation from the member's allowance; WALLET_RATE_LIMITED when it is used up. */
    public Mono<Void> take(long memberId) {
        RRateLimiterReactive limiter = redis.getRateLimiter("wallet:till:" + memberId);
        return limiter.trySetRate(RateType.OVERALL, properties.tillOperationsPerMinute(), WINDOW, WINDOW.multipliedBy(10))
                .then(limiter.tryAcquire())
                .flatMap(ok -> ok ? Mono.<Void>empty() : Mono.error(new BusinessException(ErrorCode.WALLET_RATE_LIMITED,
                        "储值操作过于频繁，请一分钟后再试")));
    }
}
