package com.loyalty.programme;

import com.loyalty.shared.config.BrandProperties;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.redisson.api.RedissonClient;
import org.redisson.api.RedissonReactiveClient;
import org.redisson.api.RTopicReactive;
import org.redisson.client.codec.StringCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The brands' rules versions in memory: rules are read on every purchase. Every version is held,
 * scheduled ones too, so a version takes effect at its time without anyone telling the cache.
 * A change on one instance is announced on a Redis topic and every instance reads the versions
 * again; a reload every {@link #RELOAD} catches a lost announcement. When the version in force
 * changes, the {@code tier} table is brought in step with its tiers (idempotent: any instance may).
 */
@Component
class ProgramRulesCache implements SmartInitializingSingleton, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ProgramRulesCache.class);
    static final String TOPIC = "programme:rules-changed";
    static final Duration TICK = Duration.ofSeconds(2);
    static final Duration RELOAD = Duration.ofSeconds(30);

    private final ProgramRulesRepository repository;
    private final BrandProperties brand;
    private final Clock clock;
    private final RTopicReactive topic;
    private final RedissonClient redis;
    private final Map<Long, List<RulesVersion>> versions = new ConcurrentHashMap<>();
    private final Map<Long, Integer> tiersInStep = new ConcurrentHashMap<>();
    private volatile Disposable ticker;
    private volatile long ticks;

    ProgramRulesCache(ProgramRulesRepository repository, BrandProperties brand, Clock clock, RedissonClient redis,
                      RedissonReactiveClient reactive) {
        this.repository = repository;
        this.brand = brand;
        this.clock = clock;
        this.redis = redis;
        this.topic = reactive.getTopic(TOPIC, StringCodec.INSTANCE);
    }

    /** Reads the brand's versions once the database is migrated, and starts listening and ticking. */
    @Override
    public void afterSingletonsInstantiated() {
        load(brand.id()).block(Duration.ofSeconds(30));
        redis.getTopic(TOPIC, StringCodec.INSTANCE).addListener(String.class, (channel, message) -> {
            try {
                load(Long.parseLong(message)).subscribe(v -> { }, e -> log.warn("could not reload rules: {}", e.toString()));
            } catch (NumberFormatException e) {
                log.warn("ignored rules announcement {}", message);
            }
        });
        ticker = Flux.interval(TICK, Schedulers.parallel())
                .onBackpressureDrop() // a slow database skips ticks rather than ending the ticker
                .concatMap(tick -> tick().onErrorResume(e -> {
                    log.warn("rules tick failed: {}", e.toString());
                    return Mono.empty();
                }))
                .subscribe();
    }

    @Override
    public void destroy() {
        if (ticker != null) {
            ticker.dispose();
        }
    }

    /** The brand's versions, oldest first (cancelled ones too); read from the database the first time. */
    Mono<List<RulesVersion>> versions(long brandId) {
        List<RulesVersion> known = versions.get(brandId);
        return known != null ? Mono.just(known) : load(brandId);
    }

    /** The configured brand's versions, as held. */
    List<RulesVersion> held() {
        List<RulesVersion> known = versions.get(brand.id());
        if (known == null) {
            throw new IllegalStateException("programme rules not loaded yet");
        }
        return known;
    }

    /** Reads the brand's versions again. */
    Mono<List<RulesVersion>> load(long brandId) {
        return repository.versions(brandId).collectList().doOnNext(list -> {
            if (!list.isEmpty()) {
                versions.put(brandId, List.copyOf(list));
            }
        });
    }

    /** Reads again here, then tells the other instances to. */
    Mono<Void> changed(long brandId) {
        return load(brandId).then(syncTiers(brandId))
                .then(topic.publish(Long.toString(brandId)).onErrorResume(e -> {
                    log.warn("could not announce new rules: {} (other instances reload within {})", e.toString(), RELOAD);
                    return Mono.just(0L);
                }))
                .then();
    }

    /** The version in force at {@code at}: the newest not cancelled whose time has come. */
    static RulesVersion inForce(List<RulesVersion> list, Instant at) {
        return list.stream().filter(v -> !v.cancelled() && !v.effectiveFrom().isAfter(at))
                .max(Comparator.comparing(RulesVersion::effectiveFrom).thenComparingInt(RulesVersion::version))
                .orElseGet(() -> list.stream().filter(v -> !v.cancelled()).findFirst().orElseThrow());
    }

    private Mono<Void> tick() {
        long n = ++ticks;
        Mono<Void> reload = n % (RELOAD.toMillis() / TICK.toMillis()) == 0
                ? Flux.fromIterable(versions.keySet()).concatMap(this::load).then() : Mono.empty();
        return reload.then(Flux.fromIterable(versions.keySet()).concatMap(this::syncTiers).then());
    }

    /** Brings the {@code tier} table in step with the tiers of the version in force, when that version changed. */
    private Mono<Void> syncTiers(long brandId) {
        List<RulesVersion> list = versions.get(brandId);
        if (list == null || list.isEmpty()) {
            return Mono.empty();
        }
        RulesVersion now = inForce(list, clock.instant());
        if (Integer.valueOf(now.version()).equals(tiersInStep.get(brandId))) {
            return Mono.empty();
        }
        return Flux.fromIterable(now.rules().tiers()).concatMap(t -> repository.syncTier(brandId, t)).then()
                .doOnSuccess(done -> tiersInStep.put(brandId, now.version()));
    }
}
