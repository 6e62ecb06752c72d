package com.loyalty.analytics.tiers;

import com.loyalty.analytics.AnalyticsRange;
import com.loyalty.analytics.AnalyticsScope;
import com.loyalty.analytics.AnalyticsScopes;
import com.loyalty.analytics.Period;
import com.loyalty.analytics.shared.Ratios;
import com.loyalty.shared.Zip;
import com.loyalty.shared.config.BrandProperties;
import com.loyalty.shared.security.Viewer;
import com.loyalty.tier.Tier;
import com.loyalty.tier.TierService;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/** Tier distribution now and at each period's end, and monthly tier moves, for a store or the brand. */
@Service
class TierReportService {

    private final TierReportRepository report;
    private final TierService tiers;
    private final AnalyticsScopes scopes;
    private final BrandProperties brand;

    public TierReportService(TierReportRepository report, TierService tiers, AnalyticsScopes scopes,
                             BrandProperties brand) {
        this.report = report;
        this.tiers = tiers;
        this.scopes = scopes;
        this.brand = brand;
    }

    public Mono<TierReport> report(Viewer staff, AnalyticsRange range) {
        return scopes.resolve(staff, range.storeId()).flatMap(scope -> report(scope, range));
    }

    /** The report for a scope already checked (also the CSV export's entry). */
    public Mono<TierReport> report(AnalyticsScope scope, AnalyticsRange range) {
        ZoneId zone = brand.zone();
        YearMonth first = YearMonth.from(range.from());
        YearMonth last = YearMonth.from(range.to());
        return Zip.of(tiers.ofBrand(scope.brandId()).collectList(), report.now(scope).collectList(),
                report.deltas(scope, range.from().atStartOfDay(zone).toInstant(),
                        range.to().plusDays(1).atStartOfDay(zone).toInstant(), zone).collectList(),
                report.moves(scope, first, last, zone).collectMap(TierReportMonth::yearMonth),
                (levels, levelCounts, deltas, movesByMonth) -> {
                    Map<Integer, Long> now = new HashMap<>();
                    levelCounts.forEach(c -> now.put(c.level(), c.members()));
                    List<TierReportMonth> moves = new ArrayList<>();
                    for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
                        moves.add(movesByMonth.getOrDefault(m, new TierReportMonth(m, 0, 0, 0, 0)));
                    }
                    return new TierReport(scope.storeId(), counts(levels, now), series(levels, range, deltas), moves);
                });
    }

    /** Replays the level changes period by period, starting from the counts before the range. */
    private static List<TierReportPeriod> series(List<Tier> levels, AnalyticsRange range,
                                                 List<TierReportRepository.LevelDelta> deltas) {
        Map<Integer, Long> running = new HashMap<>();
        deltas.stream().filter(d -> d.day() == null).forEach(d -> running.merge(d.level(), d.delta(), Long::sum));
        List<TierReportRepository.LevelDelta> inRange = deltas.stream().filter(d -> d.day() != null)
                .sorted(java.util.Comparator.comparing(TierReportRepository.LevelDelta::day)).toList();
        List<TierReportPeriod> series = new ArrayList<>();
        int next = 0;
        for (Period p : range.periods()) {
            for (; next < inRange.size() && !inRange.get(next).day().isAfter(p.end()); next++) {
                running.merge(inRange.get(next).level(), inRange.get(next).delta(), Long::sum);
            }
            series.add(new TierReportPeriod(p.start(), p.end(), counts(levels, running)));
        }
        return series;
    }

    private static List<TierReportCount> counts(List<Tier> levels, Map<Integer, Long> members) {
        long total = members.values().stream().mapToLong(Long::longValue).sum();
        return levels.stream().map(tier -> {
            long n = members.getOrDefault(tier.level(), 0L);
            return new TierReportCount(tier.level(), tier.name(), n, Ratios.rate(n, total));
        }).toList();
    }
}
