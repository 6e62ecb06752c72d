package com.loyalty.webhook;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.util.context.Context;

/**
 * Which events some ACTIVE subscription of a brand asks for, so that a change nobody subscribes to
 * (a million points entries of a bulk job) costs no query. The answer is read again in the
 * background when it is older than {@link #FRESH} (a subscription made on another instance is seen
 * within about that time); callers never wait for that read. Callers run inside their change's
 * transaction, each holding a pooled connection: had they waited for a read of their own, a full
 * pool of them would wait forever for a connection none of them gives back. Until the first read
 * and after a change made here, the answer is "maybe": the outbox then asks the database exactly,
 * on the caller's own connection.
 */
@Component
class WantedEvents {

    static final Duration FRESH = Duration.ofSeconds(2);
    private static final Logger log = LoggerFactory.getLogger(WantedEvents.class);

    private final SubscriptionRepository subscriptions;
    /** The event types wanted per brand as last read, when they were read; null while unknown. */
    private final AtomicReference<Known> known = new AtomicReference<>();
    /** Bumped by every change made here, so that a read started before it does not count. */
    private final AtomicLong changes = new AtomicLong();
    private final AtomicBoolean reading = new AtomicBoolean();

    private record Known(Map<Long, Set<WebhookEventType>> byBrand, long readAtNanos) {
    }

    WantedEvents(SubscriptionRepository subscriptions) {
        this.subscriptions = subscriptions;
    }

    /** Whether some ACTIVE subscription of the brand may want the event (true while unknown). */
    Mono<Boolean> wants(long brandId, WebhookEventType type) {
        Known now = known.get();
        if (now == null || System.nanoTime() - now.readAtNanos() > FRESH.toNanos()) {
            readInBackground();
        }
        return Mono.just(now == null || now.byBrand().getOrDefault(brandId, Set.of()).contains(type));
    }

    /** Forgets the answer after a subscription was made, changed, paused or resumed here. */
    void invalidate() {
        changes.incrementAndGet();
        known.set(null);
        readInBackground();
    }

    /** Starts one read of the subscriptions, outside any caller's transaction, unless one is under way. */
    private void readInBackground() {
        if (!reading.compareAndSet(false, true)) {
            return;
        }
        long changesBefore = changes.get();
        subscriptions.activeEventTypes()
                .collectMultimap(Map.Entry::getKey, Map.Entry::getValue)
                .map(WantedEvents::asSets)
                .contextWrite(context -> Context.empty())
                .doFinally(signal -> reading.set(false))
                .subscribe(byBrand -> {
                    if (changes.get() == changesBefore) {
                        known.set(new Known(byBrand, System.nanoTime()));
                    }
                }, e -> log.warn("could not read the webhook subscriptions: {}", e.toString()));
    }

    private static Map<Long, Set<WebhookEventType>> asSets(Map<Long, java.util.Collection<WebhookEventType>> byBrand) {
        Map<Long, Set<WebhookEventType>> sets = new HashMap<>();
        byBrand.forEach((brand, types) -> sets.put(brand, new HashSet<>(types)));
        return sets;
    }
}
