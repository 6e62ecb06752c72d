package com.loyalty.analytics.churn;

import com.loyalty.analytics.AnalyticsRange;
import com.loyalty.analytics.AnalyticsScope;
import com.loyalty.analytics.AnalyticsScopes;
import com.loyalty.analytics.Period;
import com.loyalty.analytics.shared.Ratios;
import com.loyalty.segment.LifecycleStage;
import com.loyalty.segment.SegmentProperties;
import com.loyalty.shared.Zip;
import com.loyalty.shared.config.BrandProperties;
import com.loyalty.shared.security.Viewer;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/** The lifecycle funnel and churn over a range; also the monthly churn lifetime-value predictions use. */
@Service
public class ChurnService {

    private final ChurnRepository churn;
    private final AnalyticsScopes scopes;
    private final SegmentProperties rules;
    private final BrandProperties brand;
    private final Clock clock;

    public ChurnService(ChurnRepository churn, AnalyticsScopes scopes, SegmentProperties rules, BrandProperties brand,
                        Clock clock) {
        this.churn = churn;
        this.scopes = scopes;
        this.rules = rules;
        this.brand = brand;
        this.clock = clock;
    }

    /** The staff member's scope for the range's store, then the report. */
    public Mono<ChurnReport> report(Viewer staff, AnalyticsRange range) {
        return scopes.resolve(staff, range.storeId()).flatMap(scope -> report(scope, range));
    }

    /** The report for a scope already checked (also the CSV export's entry). */
    public Mono<ChurnReport> report(AnalyticsScope scope, AnalyticsRange range) {
        Period whole = new Period(range.from(), range.to());
        return Zip.of(churn.stages(scope).collectList(), periods(scope, List.of(whole)),
                periods(scope, range.periods()),
                (stages, total, series) -> {
                    long scored = stages.stream().filter(r -> r.stage() != null)
                            .mapToLong(ChurnRepository.StageRow::members).sum();
                    List<ChurnStageCount> funnel = Arrays.stream(LifecycleStage.values()).map(stage -> {
                        long n = stages.stream().filter(r -> stage.name().equals(r.stage()))
                                .mapToLong(ChurnRepository.StageRow::members).sum();
                        return new ChurnStageCount(stage, n, Ratios.rate(n, scored));
                    }).toList();
                    LocalDate asOf = stages.stream().map(ChurnRepository.StageRow::asOf)
                            .filter(java.util.Objects::nonNull).max(LocalDate::compareTo).orElse(null);
                    long unscored = stages.stream().filter(r -> r.stage() == null)
                            .mapToLong(ChurnRepository.StageRow::members).sum();
                    return new ChurnReport(scope.storeId(), range.from(), range.to(), rules.churnedDays(), asOf,
                            funnel, unscored, total.get(0), series);
                });
    }

    /** Churn over the last complete calendar month: the monthly churn rate lifetime values use. */
    public Mono<ChurnPeriod> lastMonth(AnalyticsScope scope) {
        YearMonth month = YearMonth.from(brand.today(clock)).minusMonths(1);
        return periods(scope, List.of(new Period(month.atDay(1), month.atEndOfMonth()))).map(list -> list.get(0));
    }

    /** One entry per period, in order; periods without customers have zeros. */
    private Mono<List<ChurnPeriod>> periods(AnalyticsScope scope, List<Period> periods) {
        return churn.churn(scope, periods, rules.churnedDays(), brand.zone()).collectMap(ChurnPeriod::start)
                .map(found -> periods.stream()
                        .map(p -> found.getOrDefault(p.start(), new ChurnPeriod(p.start(), p.end(), 0, 0)))
                        .toList());
    }
}
