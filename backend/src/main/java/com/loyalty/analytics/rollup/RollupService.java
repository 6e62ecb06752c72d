package com.loyalty.analytics.rollup;

import com.loyalty.shared.config.BrandProperties;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.TreeSet;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Rolls business days up into the analytics tables, one brand and day per transaction; doing a
 * day again replaces its rows. Only finished days (before today) are rolled up.
 */
@Service
public class RollupService {

    /** Nightly, days missing among this many before the date are rolled up too (after an outage). */
    static final int CATCH_UP_DAYS = 7;

    private final RollupRepository rollups;
    private final MemberMonthRepository months;
    private final MemberSpellRollup spells;
    private final BrandProperties brand;
    private final Clock clock;
    private final TransactionalOperator tx;

    public RollupService(RollupRepository rollups, MemberMonthRepository months, MemberSpellRollup spells,
                         BrandProperties brand, Clock clock, TransactionalOperator tx) {
        this.rollups = rollups;
        this.months = months;
        this.spells = spells;
        this.brand = brand;
        this.clock = clock;
        this.tx = tx;
    }

    /** What a run did. */
    public record Rolled(int days, int stale) {
    }

    /** A brand's stale days before the night's date, and its fresh days of the week before it. */
    private record RecentDays(List<LocalDate> stale, List<LocalDate> fresh) {
    }

    /** The night's work for every brand: the day before the date, stale days, and days missing in the week before. */
    public Mono<Rolled> nightly(LocalDate asOf) {
        LocalDate end = min(asOf, brand.today(clock));
        return rollups.brandIds().concatMap(brandId -> Mono.zip(
                                rollups.staleDays(brandId, end).collectList(),
                                rollups.freshDays(brandId, end.minusDays(CATCH_UP_DAYS), end.minusDays(1)).collectList(),
                                RecentDays::new)
                        .flatMap(recent -> {
                            TreeSet<LocalDate> days = new TreeSet<>(recent.stale());
                            for (LocalDate d = end.minusDays(CATCH_UP_DAYS); d.isBefore(end); d = d.plusDays(1)) {
                                if (!recent.fresh().contains(d)) {
                                    days.add(d);
                                }
                            }
                            return rollUp(brandId, List.copyOf(days)).map(n -> new Rolled(n, recent.stale().size()));
                        }))
                .reduce(new Rolled(0, 0), (a, b) -> new Rolled(a.days() + b.days(), a.stale() + b.stale()));
    }

    /** Rolls up (again) every finished day of [from, to] for the brand; returns how many days. */
    public Mono<Integer> backfill(long brandId, LocalDate from, LocalDate to) {
        return backfill(brandId, finishedDays(from, to));
    }

    /** Rolls up (again) the given finished days for the brand; returns how many days. */
    public Mono<Integer> backfill(long brandId, List<LocalDate> days) {
        return days.isEmpty() ? Mono.just(0) : rollUp(brandId, days);
    }

    /** The days of [from, to] before today in the brand's zone: the ones a backfill rolls up. */
    public List<LocalDate> finishedDays(LocalDate from, LocalDate to) {
        LocalDate last = min(to, brand.today(clock).minusDays(1));
        return last.isBefore(from) ? List.of() : from.datesUntil(last.plusDays(1)).toList();
    }

    /** The days, then the months they fall in (summed again where all their days are rolled up). */
    private Mono<Integer> rollUp(long brandId, List<LocalDate> days) {
        return spells.ensureBuilt(brandId)
                .then(Flux.fromIterable(days).concatMap(day -> rollUp(brandId, day)).count().map(Long::intValue))
                .flatMap(n -> Flux.fromIterable(new TreeSet<>(days.stream().map(YearMonth::from).toList()))
                        .concatMap(month -> months.rollUp(brandId, month, brand.zone(), clock.instant()).as(tx::transactional))
                        .then(Mono.just(n)));
    }

    /**
     * One day in one transaction: claim it, replace its rows, clear the stale mark read at the claim,
     * stop reading its month from the month rollup.
     */
    Mono<LocalDate> rollUp(long brandId, LocalDate day) {
        return rollups.claim(brandId, day, clock.instant())
                .flatMap(mark -> rollups.replace(brandId, day, brand.zone())
                        .then(spells.dayRolledUp(brandId, day))
                        .then(mark.map(version -> rollups.clearStale(brandId, day, version)).orElse(Mono.empty()))
                        .then(months.invalidate(brandId, day)))
                .thenReturn(day)
                .as(tx::transactional);
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }
}
