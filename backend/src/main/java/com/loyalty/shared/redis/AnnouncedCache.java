package com.loyalty.shared.redis;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;
import org.redisson.api.RTopic;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * Answers a hot path reads on every request (is the store open, may a campaign multiply this
 * purchase's points) held in memory per key, alike on every instance. After a change commits, its
 * writer calls {@link #changed}: the key is dropped here and announced on a Redis topic, on which
 * every other instance drops it too. A held answer is read again after {@code maxAge} in any case,
 * which bounds how long a lost announcement (Redis down) leaves another instance behind. A read
 * that started before a drop does not put its older answer back. "None" (no such store yet) is
 * never held: the next read asks again, so a key created later is found at once.
 *
 * @param <V> the answer
 */
public final class AnnouncedCache<V> implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(AnnouncedCache.class);
    private static final String ALL = "*";

    private record Held<V>(V answer, long readAtNanos) {
    }

    private final String name;
    private final LongFunction<Mono<V>> read;
    private final long maxAgeNanos;
    private final RTopic topic;
    private final int listener;
    private final Map<Long, Held<V>> held = new ConcurrentHashMap<>();
    /** Counts drops: a read stores its answer only when no drop came while it ran. */
    private final AtomicLong drops = new AtomicLong();

    /**
     * @param name what is held, as the topic's name ({@code cache:<name>:changed})
     * @param read reads the answer of a key from the database (empty: there is none)
     */
    public AnnouncedCache(String name, LongFunction<Mono<V>> read, Duration maxAge, RedissonClient redis) {
        this.name = name;
        this.read = read;
        this.maxAgeNanos = maxAge.toNanos();
        this.topic = redis.getTopic("cache:" + name + ":changed", StringCodec.INSTANCE);
        this.listener = topic.addListener(String.class, (channel, key) -> dropLocally(key));
    }

    /** The key's answer, as held or read now. */
    public Mono<V> get(long key) {
        Held<V> known = held.get(key);
        if (known != null && System.nanoTime() - known.readAtNanos() < maxAgeNanos) {
            return Mono.just(known.answer());
        }
        return Mono.defer(() -> {
            long dropsBefore = drops.get();
            long readAt = System.nanoTime();
            return read.apply(key).doOnNext(answer -> {
                if (drops.get() == dropsBefore) {
                    held.put(key, new Held<>(answer, readAt));
                }
            });
        });
    }

    /** After a change of the key's answer committed: dropped here and on every other instance. */
    public Mono<Void> changed(long key) {
        return announce(Long.toString(key));
    }

    /** After a change of several keys' answers committed. */
    public Mono<Void> changedAll() {
        return announce(ALL);
    }

    private Mono<Void> announce(String key) {
        dropLocally(key);
        return Mono.fromCompletionStage(topic.publishAsync(key)).then()
                .onErrorResume(e -> {
                    log.warn("could not announce a change of {} {}: {} (other instances read it again within {} s)",
                            name, key, e.toString(), maxAgeNanos / 1_000_000_000);
                    return Mono.empty();
                });
    }

    private void dropLocally(String key) {
        drops.incrementAndGet();
        if (ALL.equals(key)) {
            held.clear();
            return;
        }
        try {
            held.remove(Long.parseLong(key));
        } catch (NumberFormatException e) {
            log.warn("ignored a change announcement of {}: {}", name, key);
        }
    }

    @Override
    public void close() {
        topic.removeListener(listener);
    }
}
