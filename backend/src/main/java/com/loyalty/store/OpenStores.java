package com.loyalty.store;

import com.loyalty.shared.redis.AnnouncedCache;
import java.time.Duration;
import org.redisson.api.RedissonClient;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Whether each store is open, asked by every purchase, refund and check-in at a till: held in
 * memory, dropped on every instance when a store is closed or reopened, read again every
 * {@link #MAX_AGE} in any case.
 */
@Component
class OpenStores implements DisposableBean {

    static final Duration MAX_AGE = Duration.ofSeconds(10);

    private final AnnouncedCache<Boolean> open;

    OpenStores(StoreRepository stores, RedissonClient redis) {
        this.open = new AnnouncedCache<>("store-open", stores::isOpen, MAX_AGE, redis);
    }

    /** Whether the store is open; false when there is no such store. */
    Mono<Boolean> isOpen(long storeId) {
        return open.get(storeId).defaultIfEmpty(false);
    }

    /** After a store's closing or reopening committed. */
    Mono<Void> changed(long storeId) {
        return open.changed(storeId);
    }

    @Override
    public void destroy() {
        open.close();
    }
}
