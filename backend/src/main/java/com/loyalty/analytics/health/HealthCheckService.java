package com.loyalty.analytics.health;

import com.loyalty.analytics.AnalyticsScope;
import com.loyalty.analytics.AnalyticsScopes;
import com.loyalty.analytics.health.HealthCheckRepository.Count;
import com.loyalty.analytics.rollup.MemberMonthRepository;
import com.loyalty.shared.Zip;
import com.loyalty.shared.config.BrandProperties;
import com.loyalty.shared.graphql.BadArgumentException;
import com.loyalty.shared.security.Viewer;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/** The monthly member health check: four rates for a month (business time) beside the month before. */
@Service
class HealthCheckService {

    private final HealthCheckRepository health;
    private final AnalyticsScopes scopes;
    private final MemberMonthRepository months;
    private final BrandProperties brand;
    private final Clock clock;

    public HealthCheckService(HealthCheckRepository health, AnalyticsScopes scopes, MemberMonthRepository months,
                              BrandProperties brand, Clock clock) {
        this.health = health;
        this.scopes = scopes;
        this.months = months;
        this.brand = brand;
        this.clock = clock;
    }

    /** {@code month} as YYYY-MM. */
    public Mono<MemberHealth> check(Viewer staff, String month, Long storeId) {
        return Mono.fromCallable(() -> parse(month)).flatMap(ym -> scopes.resolve(staff, storeId)
                .flatMap(scope -> check(scope, ym)));
    }

    /** The check of a month for a scope already checked (also the CSV export's entry). */
    public Mono<MemberHealth> check(AnalyticsScope scope, YearMonth ym) {
        List<LocalDate> since = new ArrayList<>();
        for (YearMonth m = ym.minusMonths(2); !m.isAfter(YearMonth.from(brand.today(clock))); m = m.plusMonths(1)) {
            since.add(m.atDay(1));
        }
        return months.fresh(scope.brandId(), since).collectList().flatMap(rolledUp -> check(scope, ym, rolledUp));
    }

    private Mono<MemberHealth> check(AnalyticsScope scope, YearMonth ym, List<LocalDate> rolledUp) {
        return Zip.of(metric(ym, m -> health.newMemberConversion(scope, start(m), start(m.plusMonths(1)))),
                metric(ym, m -> retention(scope, m, rolledUp)),
                metric(ym, m -> redemption(scope, m, rolledUp)),
                metric(ym, m -> health.campaignParticipation(scope, start(m), start(m.plusMonths(1)))),
                (conversion, highValue, points, campaigns) -> new MemberHealth(ym, scope.storeId(), conversion,
                        highValue, points, campaigns));
    }

    /** High-value retention from the member x month rollup when both months are in it, else from the raw tables. */
    private Mono<Count> retention(AnalyticsScope scope, YearMonth month, List<LocalDate> rolledUp) {
        LocalDate before = month.minusMonths(1).atDay(1);
        return rolledUp.contains(before) && rolledUp.contains(month.atDay(1))
                ? health.highValueRetention(scope, before, month.atDay(1))
                : health.highValueRetention(scope, start(month.minusMonths(1)), start(month),
                        start(month.plusMonths(1)));
    }

    /** Points redemption, with what points moved from the month on read from the rollup for the months in it. */
    private Mono<Count> redemption(AnalyticsScope scope, YearMonth month, List<LocalDate> rolledUp) {
        List<LocalDate> run = new ArrayList<>();
        YearMonth raw = month;
        while (rolledUp.contains(raw.atDay(1))) {
            run.add(raw.atDay(1));
            raw = raw.plusMonths(1);
        }
        return health.pointsRedemption(scope, month.atDay(1), start(month), start(month.plusMonths(1)), run, start(raw));
    }

    /** The same count for the month and the month before. */
    private static Mono<HealthCheckMetric> metric(YearMonth month, Function<YearMonth, Mono<Count>> count) {
        return Mono.zip(count.apply(month), count.apply(month.minusMonths(1)), (now, before) ->
                new HealthCheckMetric(now.members(), now.base(), before.members(), before.base()));
    }

    private Instant start(YearMonth month) {
        return month.atDay(1).atStartOfDay(brand.zone()).toInstant();
    }

    private static YearMonth parse(String month) {
        try {
            return YearMonth.parse(month);
        } catch (DateTimeParseException e) {
            throw new BadArgumentException("month must be YYYY-MM: " + month);
        }
    }
}
