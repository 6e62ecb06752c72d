package com.loyalty.stamp;

import com.loyalty.staff.StaffRef;
import com.loyalty.staff.StaffService;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * The versions of stamp cards, newest first, for the console's history: each with what it changed
 * from the one before (name, stamps needed, what qualifies, the period, the reward), who saved it
 * and the members' cards still running under it (they keep those terms until they end).
 */
@Service
class StampCardHistory {

    private final StampRepository cards;
    private final StampQueries queries;
    private final StaffService staff;

    StampCardHistory(StampRepository cards, StampQueries queries, StaffService staff) {
        this.cards = cards;
        this.queries = queries;
        this.staff = staff;
    }

    /** Every version of each of the brand's cards, newest first, in four queries for the whole list. */
    Mono<Map<Long, List<StampCardVersion>>> versions(long brandId, Collection<Long> cardIds) {
        if (cardIds.isEmpty()) {
            return Mono.just(Map.of());
        }
        return cards.versions(brandId, cardIds).collectList().flatMap(rows -> Mono.zip(
                queries.rewards(rows.stream().map(r -> r.terms().rewardPoints()).toList(),
                        rows.stream().map(r -> r.terms().rewardCouponTemplateId()).toList()),
                staff.refs(brandId, rows.stream().map(StampRepository.VersionRow::createdBy).filter(Objects::nonNull)
                        .distinct().toList()),
                (rewards, refs) -> {
                    Map<Long, List<StampCardVersion>> byCard = new java.util.LinkedHashMap<>();
                    for (int i = 0; i < rows.size(); i++) {
                        byCard.computeIfAbsent(rows.get(i).terms().id(), id -> new ArrayList<>())
                                .add(version(rows.get(i), rewards.get(i), refs));
                    }
                    return byCard;
                }))
                .map(byCard -> byCard.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                        e -> withChanges(e.getValue()))));
    }

    private static StampCardVersion version(StampRepository.VersionRow row, String reward, Map<Long, StaffRef> refs) {
        StampCard t = row.terms();
        return new StampCardVersion(t.version(), row.current(), row.savedAt(), null,
                row.createdBy() == null ? null : refs.get(row.createdBy()), t.name(), t.stampsNeeded(), t.category(),
                t.minPaidCents(), t.period(), t.periodDays(), t.rewardPoints(), t.rewardCouponTemplateId(), t.rule(),
                t.periodText(), reward, List.of(), row.runningCards());
    }

    /** Newest first, each with when the next one took over and what it changed from the one before. */
    private static List<StampCardVersion> withChanges(List<StampCardVersion> versions) {
        List<StampCardVersion> sorted = versions.stream()
                .sorted(java.util.Comparator.comparingInt(StampCardVersion::version).reversed()).toList();
        List<StampCardVersion> out = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            StampCardVersion v = sorted.get(i);
            StampCardVersion newer = i > 0 ? sorted.get(i - 1) : null;
            StampCardVersion older = i + 1 < sorted.size() ? sorted.get(i + 1) : null;
            out.add(new StampCardVersion(v.version(), v.current(), v.effectiveFrom(),
                    newer == null ? null : newer.effectiveFrom(), v.changedBy(), v.name(), v.stampsNeeded(), v.category(),
                    v.minPaidCents(), v.period(), v.periodDays(), v.rewardPoints(), v.rewardCouponTemplateId(), v.rule(),
                    v.periodText(), v.reward(), older == null ? List.of() : changes(older, v), v.runningCards()));
        }
        return out;
    }

    /** What differs from the version before, as the console lists it: 「集章数：5 → 6」. */
    static List<String> changes(StampCardVersion before, StampCardVersion after) {
        List<String> changes = new ArrayList<>();
        compare(changes, "名称", before, after, StampCardVersion::name);
        compare(changes, "集章数", before, after, v -> v.stampsNeeded() + " 个");
        compare(changes, "集章条件", before, after, StampCardVersion::rule);
        compare(changes, "期限", before, after, StampCardVersion::periodText);
        compare(changes, "奖励", before, after, v -> v.reward().replaceFirst("^奖励 ?", ""));
        return changes;
    }

    private static void compare(List<String> changes, String what, StampCardVersion before, StampCardVersion after,
                                Function<StampCardVersion, String> value) {
        String was = value.apply(before);
        String is = value.apply(after);
        if (!was.equals(is)) {
            changes.add(what + "：" + was + " → " + is);
        }
    }
}
