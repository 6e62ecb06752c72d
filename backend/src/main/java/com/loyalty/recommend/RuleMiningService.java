package com.loyalty.recommend;

import com.loyalty.shared.config.BrandProperties;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Mines each brand's rules from its recent baskets (the window ending with the business date, at
 * most the most recent {@code maxBaskets}) and saves them, replacing the previous set.
 */
@Service
public class RuleMiningService {

    private static final Logger log = LoggerFactory.getLogger(RuleMiningService.class);

    private final BasketRepository baskets;
    private final RuleSetRepository ruleSets;
    private final RuleReadRepository reads;
    private final RecommendProperties rules;
    private final BrandProperties brand;
    private final Clock clock;
    private final AprioriMiner miner = new AprioriMiner();

    public RuleMiningService(BasketRepository baskets, RuleSetRepository ruleSets, RuleReadRepository reads,
                             RecommendProperties rules, BrandProperties brand, Clock clock) {
        this.baskets = baskets;
        this.ruleSets = ruleSets;
        this.reads = reads;
        this.rules = rules;
        this.brand = brand;
        this.clock = clock;
    }

    /** Mines every brand, one after the other; says what each got. */
    public Mono<String> mineAll(LocalDate asOf) {
        return reads.brandIds()
                .concatMap(brandId -> mine(brandId, asOf))
                .collectList()
                .map(lines -> String.join("; ", lines));
    }

    /** Mines one brand's baskets for the business date and saves the rules; a summary line. */
    public Mono<String> mine(long brandId, LocalDate asOf) {
        ZoneId zone = brand.zone();
        Instant to = asOf.plusDays(1).atStartOfDay(zone).toInstant();
        RuleSetRepository.Windows windows = new RuleSetRepository.Windows(
                asOf.plusDays(1).minusDays(rules.windowDays()).atStartOfDay(zone).toInstant(),
                asOf.plusDays(1).minusDays(rules.bestsellerDays()).atStartOfDay(zone).toInstant(), to);
        long started = System.nanoTime();
        return baskets.recent(brandId, windows.from(), to, rules.maxBaskets()).collectList()
                .flatMap(loaded -> {
                    long loadedAt = System.nanoTime();
                    return Mono.fromCallable(() -> miner.mine(loaded, rules.thresholds()))
                            .subscribeOn(Schedulers.parallel())
                            .flatMap(mined -> save(brandId, asOf, loaded.size(), mined, windows, started)
                                    .map(run -> summary(run, started, loadedAt)));
                });
    }

    private Mono<RuleSet> save(long brandId, LocalDate asOf, int basketCount, List<MinedRule> mined,
                               RuleSetRepository.Windows windows, long started) {
        List<MinedRule> kept = mined.size() > rules.maxRules() ? mined.subList(0, rules.maxRules()) : mined;
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        RuleSet run = new RuleSet(brandId, asOf, clock.instant(), rules.windowDays(), basketCount,
                rules.minSupport(), rules.minConfidence(), rules.maxItemsetSize(), millis, kept.size());
        return ruleSets.replace(run, kept, windows, rules.bestsellers()).thenReturn(run);
    }

    private static String summary(RuleSet run, long started, long loadedAt) {
        long load = TimeUnit.NANOSECONDS.toMillis(loadedAt - started);
        long total = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        String line = "brand " + run.brandId() + ": " + run.ruleCount() + " rules from " + run.baskets()
                + " baskets (loaded in " + load + " ms, mined in " + (run.miningMillis() - load) + " ms, "
                + total + " ms with saving)";
        log.info("Recommendation rules {}", line);
        return line;
    }
}
