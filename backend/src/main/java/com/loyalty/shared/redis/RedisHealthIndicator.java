package com.loyalty.shared.redis;

import org.redisson.api.RedissonReactiveClient;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Reports Redis as up when a round trip through Redisson succeeds. */
@Component("redisHealthIndicator")
class RedisHealthIndicator implements ReactiveHealthIndicator {

    private final RedissonReactiveClient redis;

    RedisHealthIndicator(RedissonReactiveClient redis) {
        this.redis = redis;
    }

    @Override
    public Mono<Health> health() {
        return redis.getKeys().count()
                .map(keys -> Health.up().withDetail("client", "redisson").build())
                .onErrorResume(e -> Mono.just(Health.down(e).build()));
    }
}
