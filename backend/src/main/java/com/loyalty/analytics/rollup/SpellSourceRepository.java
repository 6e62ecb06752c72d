package com.loyalty.analytics.rollup;

import com.loyalty.segment.SegmentProperties;
import com.loyalty.shared.config.BrandProperties;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/**
 * Tells reads where members' spells come from (see {@link SpellSource}): which members bought on
 * a day read live up to the last rolled-up day (a stale day, a day never rolled up) and which only
 * after it (today).
 */
@Repository
public class SpellSourceRepository {

    private final DatabaseClient db;
    private final MemberSpellRepository spells;
    private final RollupRepository rollups;
    private final SegmentProperties rules;
    private final BrandProperties brand;

    public SpellSourceRepository(DatabaseClient db, MemberSpellRepository spells, RollupRepository rollups,
                            SegmentProperties rules, BrandProperties brand) {
        this.db = db;
        this.spells = spells;
        this.rollups = rollups;
        this.rules = rules;
        this.brand = brand;
    }

    /** The brand's spell source now. */
    public Mono<SpellSource> source(long brandId) {
        int n = rules.churnedDays();
        ZoneId zone = brand.zone();
        return spells.built(brandId, n, zone).flatMap(built -> !built ? Mono.just(SpellSource.raw(n))
                : bounds(brandId, zone).flatMap(b -> source(brandId, b, n, zone))
                        .defaultIfEmpty(new SpellSource(true, List.of(), List.of(), Instant.EPOCH, n)));
    }

    private Mono<SpellSource> source(long brandId, Bounds b, int n, ZoneId zone) {
        LocalDate tail = b.lastRolledUp() == null ? b.first() : b.lastRolledUp().plusDays(1);
        Instant tailStart = tail.atStartOfDay(zone).toInstant();
        Mono<List<Long>> recomputed = tail.isAfter(b.first())
                ? rollups.freshDays(brandId, b.first(), tail.minusDays(1)).collectList()
                        .flatMap(fresh -> touched(brandId, liveRanges(b.first(), tail, fresh, zone)))
                : Mono.just(List.of());
        return Mono.zip(recomputed, touched(brandId, List.<Instant[]>of(new Instant[] {tailStart, null})),
                (fromRaw, inTail) -> {
                    Set<Long> again = new HashSet<>(fromRaw);
                    return new SpellSource(true, fromRaw, inTail.stream().filter(m -> !again.contains(m)).toList(),
                            tailStart, n);
                });
    }

    /** The brand's first purchase day and last rolled-up day (null: none). */
    private record Bounds(LocalDate first, LocalDate lastRolledUp) {
    }

    /** Empty when the brand has no purchases. */
    private Mono<Bounds> bounds(long brandId, ZoneId zone) {
        return db.sql("select (select min(occurred_at) from purchase where brand_id = :b) as first,"
                        + " (select max(day) from analytics_rollup_day where brand_id = :b) as rolled")
                .bind("b", brandId)
                .map(row -> {
                    Instant first = row.get("first", Instant.class);
                    return first == null ? new Bounds(null, null)
                            : new Bounds(LocalDate.ofInstant(first, zone), row.get("rolled", LocalDate.class));
                })
                .one().filter(b -> b.first() != null);
    }

    /** The instants around each run of days of [first, end) that are not fresh, as [start, end) pairs. */
    static List<Instant[]> liveRanges(LocalDate first, LocalDate end, List<LocalDate> fresh, ZoneId zone) {
        Set<LocalDate> rolled = new HashSet<>(fresh);
        List<Instant[]> ranges = new ArrayList<>();
        LocalDate runStart = null;
        for (LocalDate d = first; !d.isAfter(end); d = d.plusDays(1)) {
            boolean live = d.isBefore(end) && !rolled.contains(d);
            if (live && runStart == null) {
                runStart = d;
            } else if (!live && runStart != null) {
                ranges.add(new Instant[] {runStart.atStartOfDay(zone).toInstant(), d.atStartOfDay(zone).toInstant()});
                runStart = null;
            }
        }
        return ranges;
    }

    /** The members with a purchase (any, refunded or not) in one of the ranges (end null: no end). */
    private Mono<List<Long>> touched(long brandId, List<Instant[]> ranges) {
        if (ranges.isEmpty()) {
            return Mono.just(List.of());
        }
        return db.sql("""
                        select distinct p.member_id
                        from unnest(cast(:starts as text[]), cast(:ends as text[])) as r(lo, hi)
                        join purchase p on p.brand_id = :b and p.occurred_at >= cast(r.lo as timestamptz)
                                       and p.occurred_at < cast(r.hi as timestamptz)
                        where p.member_id is not null
                        """)
                .bind("b", brandId)
                .bind("starts", ranges.stream().map(r -> r[0].toString()).toArray(String[]::new))
                .bind("ends", ranges.stream().map(r -> r[1] == null ? "infinity" : r[1].toString())
                        .toArray(String[]::new))
                .map(row -> row.get("member_id", Long.class)).all().collectList();
    }
}
