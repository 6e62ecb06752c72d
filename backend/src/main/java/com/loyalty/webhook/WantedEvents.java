package com.loyalty.webhook;

import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.util.context.Context;

/**
 * Which events some ACTIVE subscription of a brand asks for, read at most every {@link #FRESH} (and
 * again at once after a change made on this instance), so that a change nobody subscribes to (a
 * million points entries of a bulk job) costs no query. A subscription made on another instance is
 * seen within that time. When an event is wanted, the outbox still asks the database exactly.
 */
@Component
class WantedEvents {

    static final Duration FRESH = Duration.ofSeconds(2);

    private final SubscriptionRepository subscriptions;
    private final AtomicReference<Mono<Map<Long, Set<WebhookEventType>>>> wanted = new AtomicReference<>();

    WantedEvents(SubscriptionRepository subscriptions) {
        this.subscriptions = subscriptions;
        invalidate();
    }

    /** Whether some ACTIVE subscription of the brand may want the event. */
    Mono<Boolean> wants(long brandId, WebhookEventType type) {
        return wanted.get().map(byBrand -> byBrand.getOrDefault(brandId, Set.of()).contains(type));
    }

    /** Reads the subscriptions again on the next event (after one was made, changed, paused or resumed here). */
    void invalidate() {
        wanted.set(subscriptions.activeEventTypes()
                .collectMultimap(Map.Entry::getKey, Map.Entry::getValue)
                .map(byBrand -> {
                    Map<Long, Set<WebhookEventType>> sets = new java.util.HashMap<>();
                    byBrand.forEach((brand, types) -> sets.put(brand, new HashSet<>(types)));
                    return (Map<Long, Set<WebhookEventType>>) sets;
                })
                // outside the caller's transaction: the answer is shared by every caller
                .contextWrite(context -> Context.empty())
                .cache(value -> FRESH, e -> Duration.ZERO, () -> Duration.ZERO));
    }
}
