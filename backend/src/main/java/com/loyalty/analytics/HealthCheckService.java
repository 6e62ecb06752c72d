package com.loyalty.analytics;

import com.loyalty.shared.config.BrandProperties;
import com.loyalty.shared.graphql.BadArgumentException;
import com.loyalty.shared.security.Viewer;
import java.time.Instant;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.function.Function;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/** The monthly member health check: four rates for a month (business time) beside the month before. */
@Service
public class HealthCheckService {

    private final HealthCheckRepository health;
    private final AnalyticsScopes scopes;
    private final BrandProperties brand;

    public HealthCheckService(HealthCheckRepository health, AnalyticsScopes scopes, BrandProperties brand) {
        this.health = health;
        this.scopes = scopes;
        this.brand = brand;
    }

    /** {@code month} as YYYY-MM. */
    public Mono<MemberHealth> check(Viewer staff, String month, Long storeId) {
        return Mono.fromCallable(() -> parse(month)).flatMap(ym -> scopes.resolve(staff, storeId)
                .flatMap(scope -> check(scope, ym)));
    }

    /** The check of a month for a scope already checked (also the CSV export's entry). */
    public Mono<MemberHealth> check(AnalyticsScope scope, YearMonth ym) {
        return Mono.zip(metric(ym, m -> health.newMemberConversion(scope, start(m), start(m.plusMonths(1)))),
                        metric(ym, m -> health.highValueRetention(scope, start(m.minusMonths(1)), start(m),
                                start(m.plusMonths(1)))),
                        metric(ym, m -> health.pointsRedemption(scope, start(m), start(m.plusMonths(1)))),
                        metric(ym, m -> health.campaignParticipation(scope, start(m), start(m.plusMonths(1)))))
                .map(t -> new MemberHealth(ym, scope.storeId(), t.getT1(), t.getT2(), t.getT3(), t.getT4()));
    }

    /** The same count for the month and the month before. */
    private static Mono<HealthCheckMetric> metric(YearMonth month, Function<YearMonth, Mono<long[]>> count) {
        return Mono.zip(count.apply(month), count.apply(month.minusMonths(1)))
                .map(t -> new HealthCheckMetric(t.getT1()[0], t.getT1()[1], t.getT2()[0], t.getT2()[1]));
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
