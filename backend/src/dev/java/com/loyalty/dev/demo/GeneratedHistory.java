package com.loyalty.dev.demo;

import com.loyalty.analytics.AnalyticsBackfill;
import java.time.Duration;
import java.time.LocalDate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Generates a brand's history and then rolls its past days up into every analytics rollup, as the
 * nightly jobs would have done, so the reports read the rollups at once; logs how long each step took.
 */
@Component
public class GeneratedHistory {

    private static final Logger log = LoggerFactory.getLogger(GeneratedHistory.class);

    private final BrandGenerator generator;
    private final AnalyticsBackfill rollups;

    public GeneratedHistory(BrandGenerator generator, AnalyticsBackfill rollups) {
        this.generator = generator;
        this.rollups = rollups;
    }

    /**
     * The history of {@code s} (orders over its days before now), then every finished day of it rolled
     * up; {@code staffPassword} (the one hashed into {@code s}) is only shown in the log.
     */
    public Mono<BrandGenerator.Generated> generate(BrandGenerator.Settings s, String staffPassword) {
        return generator.generate(s)
                .doOnNext(g -> log.info("Large demo: generated {} members (sign in with code dev-{}1 .. dev-{}{}), "
                                + "{} orders ({} without a member), {} order lines, {} check-ins, {} ledger entries "
                                + "in {} ms; staff clerk-/manager-<store>{} (password {})", g.members(), s.openidPrefix(),
                        s.openidPrefix(), g.members(), g.orders(), g.guestOrders(), g.lines(), g.checkins(),
                        g.ledgerEntries(), g.millis(), s.usernameSuffix(), staffPassword))
                .flatMap(g -> rollUp(s).thenReturn(g));
    }

    private Mono<Void> rollUp(BrandGenerator.Settings s) {
        LocalDate today = LocalDate.ofInstant(s.now(), s.zone());
        LocalDate from = today.minusDays(s.days());
        return Mono.defer(() -> {
            long started = System.nanoTime();
            return rollups.backfill(s.brandId(), from, today.minusDays(1))
                    .doOnNext(days -> log.info("Large demo: rolled up {} days ({} .. {}) into the analytics rollups "
                                    + "(sales and members, points and coupons) in {} ms", days, from,
                            today.minusDays(1), Duration.ofNanos(System.nanoTime() - started).toMillis()))
                    .then();
        });
    }
}
