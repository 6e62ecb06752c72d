package com.loyalty.analytics.points;

import com.loyalty.analytics.AnalyticsRange;
import com.loyalty.analytics.AnalyticsScope;
import com.loyalty.analytics.AnalyticsScopes;
import com.loyalty.analytics.shared.EconomyPeriods;
import com.loyalty.points.PointsService;
import com.loyalty.shared.Zip;
import com.loyalty.shared.config.BrandProperties;
import com.loyalty.shared.security.Viewer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/** Points issued, redeemed and expired per period (from the daily rollup, today live), liability and expiries. */
@Service
class PointsEconomyService {

    static final int[] EXPIRY_WINDOWS_DAYS = {30, 60, 90};

    private final PointsEconomyRepository economy;
    private final AnalyticsScopes scopes;
    private final PointsService points;
    private final BrandProperties brand;
    private final Clock clock;

    public PointsEconomyService(PointsEconomyRepository economy, AnalyticsScopes scopes, PointsService points,
                                BrandProperties brand, Clock clock) {
        this.economy = economy;
        this.scopes = scopes;
        this.points = points;
        this.brand = brand;
        this.clock = clock;
    }

    public Mono<PointsEconomy> report(Viewer staff, AnalyticsRange range) {
        return scopes.resolve(staff, range.storeId()).flatMap(scope -> report(scope, range));
    }

    /** The report for a scope already checked (also the CSV export's entry). */
    public Mono<PointsEconomy> report(AnalyticsScope scope, AnalyticsRange range) {
        Instant now = clock.instant();
        Instant[] until = IntStream.of(EXPIRY_WINDOWS_DAYS).mapToObj(d -> now.plus(Duration.ofDays(d)))
                .toArray(Instant[]::new);
        return Zip.of(economy.flows(scope, range.from(), range.to(), brand.today(clock), brand.zone()).collectList(),
                economy.liability(scope), economy.expiring(scope, now, until),
                (rows, liability, expiringPoints) -> {
                    var byPeriod = EconomyPeriods.group(range.periods(), rows, PointsEconomyRepository.KindDay::day);
                    List<PointsFlow> series = range.periods().stream()
                            .map(p -> PointsFlow.of(p.start(), p.end(), byPeriod.get(p.start()))).toList();
                    List<PointsExpiring> expiring = IntStream.range(0, EXPIRY_WINDOWS_DAYS.length)
                            .mapToObj(i -> new PointsExpiring(EXPIRY_WINDOWS_DAYS[i], expiringPoints.get(i),
                                    points.centsFor(expiringPoints.get(i))))
                            .toList();
                    return new PointsEconomy(scope.storeId(), PointsFlow.of(range.from(), range.to(), rows), series,
                            liability, points.centsFor(liability), expiring);
                });
    }
}
