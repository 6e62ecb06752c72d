package com.loyalty.analytics.numbers;

import com.loyalty.analytics.AnalyticsRange;
import com.loyalty.analytics.AnalyticsScope;
import com.loyalty.analytics.rollup.DaySplit;
import com.loyalty.analytics.rollup.MemberCounts;
import com.loyalty.analytics.rollup.RollupReadRepository;
import com.loyalty.shared.Zip;
import com.loyalty.shared.config.BrandProperties;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Loads the rows of a scope and range (rolled-up days from the rollups, the others live) for the analytics. */
@Component
class RangeReader {

    private final RollupReadRepository reads;
    private final BrandProperties brand;

    RangeReader(RollupReadRepository reads, BrandProperties brand) {
        this.reads = reads;
        this.brand = brand;
    }

    /** Everything; {@code distinct} false leaves out the distinct-member counts (growth needs none). */
    Mono<RangeRows> read(AnalyticsScope scope, AnalyticsRange range, boolean distinct) {
        return reads.split(scope.brandId(), range.from(), range.to()).flatMap(days -> Zip.of(
                reads.storeDays(scope, days).collectList(),
                reads.newMembers(scope, days).collectList(),
                distinct ? perPeriod(scope, days, range) : Mono.just(Map.<LocalDate, MemberCounts>of()),
                distinct ? reads.memberCounts(scope, days, null).next().defaultIfEmpty(MemberCounts.NONE)
                        : Mono.just(MemberCounts.NONE),
                reads.membersBefore(scope, range.from().atStartOfDay(brand.zone()).toInstant()),
                (storeDays, newMembers, perPeriod, total, before) -> new RangeRows(scope, range, storeDays, newMembers,
                        perPeriod, total, before.members(), before.phones())));
    }

    private Mono<Map<LocalDate, MemberCounts>> perPeriod(AnalyticsScope scope, DaySplit days, AnalyticsRange range) {
        return reads.memberCounts(scope, days, range.granularity())
                .collect(HashMap::new, (map, counts) -> map.put(counts.periodKey(), counts));
    }
}
