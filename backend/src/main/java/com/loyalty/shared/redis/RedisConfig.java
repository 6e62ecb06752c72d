package com.loyalty.shared.redis;

import org.redisson.config.ConstantDelay;
import org.redisson.config.NameMapper;
import org.redisson.spring.starter.RedissonAutoConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Makes Redisson put {@code loyalty.redis.key-prefix} in front of every key it touches, and give
 * up on an unreachable single Redis within about {@code timeout x (retry-attempts + 1)}.
 */
@Configuration(proxyBeanMethods = false)
class RedisConfig {

    @Bean
    RedissonAutoConfigurationCustomizer redisKeyPrefix(RedisProperties properties) {
        NameMapper mapper = new PrefixNameMapper(properties.keyPrefix());
        return config -> {
            config.setNameMapper(mapper);
            if (!config.isClusterConfig() && !config.isSentinelConfig()) {
                int millis = (int) properties.timeout().toMillis();
                config.useSingleServer().setTimeout(millis).setConnectTimeout(millis)
                        .setRetryAttempts(properties.retryAttempts())
                        .setRetryDelay(new ConstantDelay(properties.timeout().dividedBy(4)));
            }
        };
    }

    /** Adds the prefix on the way to Redis and strips it on the way back. */
    record PrefixNameMapper(String prefix) implements NameMapper {

        @Override
        public String map(String name) {
            return prefix + name;
        }

        @Override
        public String unmap(String name) {
            return name.startsWith(prefix) ? name.substring(prefix.length()) : name;
        }
    }
}
