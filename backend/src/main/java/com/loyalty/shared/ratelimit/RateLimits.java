package com.loyalty.shared.ratelimit;

import com.loyalty.shared.graphql.BusinessException;
import com.loyalty.shared.graphql.ErrorCode;
import java.time.Duration;
import org.redisson.api.RRateLimiterReactive;
import org.redisson.api.RateType;
import org.redisson.api.RedissonReactiveClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Takes a permit for an action from the subject's Redis rate limiter (Redisson), answering
 * RATE_LIMITED when none is left. When Redis cannot be reached the action goes ahead: limits
 * protect the service, Postgres keeps the rules (one check-in a day, coupon stock).
 */
@Component
public class RateLimits {

    private static final Logger log = LoggerFactory.getLogger(RateLimits.class);

    /** How long a request waits for its permit before going ahead without one. */
    private static final Duration PATIENCE = Duration.ofMillis(500);

    private final RedissonReactiveClient redis;
    private final RateLimitProperties properties;

    public RateLimits(RedissonReactiveClient redis, RateLimitProperties properties) {
        this.redis = redis;
        this.properties = properties;
    }

    /** Completes when the subject may go ahead; errors with RATE_LIMITED otherwise. */
    public Mono<Void> acquire(RateLimitedAction action, Object subject) {
        RateLimitProperties.Limit limit = properties.limits().get(action);
        if (limit == null) {
            return Mono.empty();
        }
        // the limit is part of the key, so a changed limit starts afresh at once
        RRateLimiterReactive limiter = redis.getRateLimiter("ratelimit:" + action.name().toLowerCase() + ":"
                + limit.permits() + "/" + limit.per().toSeconds() + "s:" + subject);
        // one round trip once the limiter exists; it is set up on first use and its keys expire
        // after two idle windows
        return limiter.tryAcquire()
                .onErrorResume(RateLimits::notSetUp, e -> limiter
                        .trySetRate(RateType.OVERALL, limit.permits(), limit.per(), limit.per().plus(limit.per()))
                        .then(limiter.tryAcquire()))
                .timeout(PATIENCE)
                .onErrorResume(e -> {
                    log.warn("rate limiter for {} unavailable, letting the request through: {}", action, e.toString());
                    return Mono.just(true);
                })
                .flatMap(allowed -> allowed ? Mono.<Void>empty() : Mono.error(tooMany(limit.per())));
    }

    private static boolean notSetUp(Throwable e) {
        return e.getMessage() != null && e.getMessage().contains("not initialized");
    }

    private static BusinessException tooMany(Duration per) {
        return new BusinessException(ErrorCode.RATE_LIMITED, "操作太频繁，请" + wait(per) + "后再试");
    }

    private static String wait(Duration per) {
        return per.toMinutes() >= 1 ? per.toMinutes() + " 分钟" : Math.max(1, per.toSeconds()) + " 秒";
    }
}
