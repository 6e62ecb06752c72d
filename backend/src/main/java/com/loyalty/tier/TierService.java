package com.loyalty.tier;

import com.loyalty.programme.ProgramRules;
import com.loyalty.programme.ProgramRulesService;
import com.loyalty.shared.Money;
import com.loyalty.shared.config.BrandProperties;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Tier rules: a member reaches a tier as soon as their average monthly spend over the current
 * and the previous calendar months of the window (3 by default) meets its threshold; each month's
 * review looks at the window's full months before it, and a member below their tier's threshold
 * at as many reviews in a row as the rules say (3 by default) drops one tier (meeting it resets
 * the count). Tiers, thresholds, multipliers, discounts, the window and the reviews before a drop
 * are those of the programme rules version in force at the time: of the purchase for an upgrade,
 * of the first day of the reviewed month for a review.
 */
@Service
public class TierService {

    private final TierRepository tiers;
    private final ProgramRulesService rules;
    private final BrandProperties brand;
    private final Clock clock;
    private final ObjectProvider<TierEvents> events;

    public TierService(TierRepository tiers, ProgramRulesService rules, BrandProperties brand, Clock clock,
                       ObjectProvider<TierEvents> events) {
        this.events = events;
        this.tiers = tiers;
        this.rules = rules;
        this.brand = brand;
        this.clock = clock;
    }

    /** The brand's tiers in force now, lowest first (from the rules in memory). */
    /** The reason recorded for tiers set by the member import. */
    public static final String IMPORTED = "原系统导入";

    /**
     * Sets the tiers members had in the brand's previous system (the member import), in the
     * caller's transaction: a member's tier is only ever raised this way, each change recorded with
     * the reason {@link #IMPORTED}; the monthly review goes on from there. How many changed.
     */
    public Mono<Long> setImported(java.util.List<TierOpening> openings, Instant at) {
        java.util.List<TierOpening> raised = openings.stream().filter(o -> o.level() > 0).toList();
        return raised.isEmpty() ? Mono.just(0L) : tiers.raiseAll(raised, IMPORTED, at);
    }

    public Flux<Tier> all() {
        return Flux.fromIterable(tiersAt(clock.instant()));
    }

    /** The brand's tiers in force at {@code at}, lowest first. */
    public List<Tier> tiersAt(Instant at) {
        return rules.rulesAt(at).tiers().stream().map(Tier::of).toList();
    }

    /** A brand's tiers, lowest first, as stored now: for reports on any brand ({@link #all} is cached, of this one). */
    public Flux<Tier> ofBrand(long brandId) {
        return tiers.tiers(brandId);
    }

    /** The brand's open accounts at the tier now, by id, a page of {@code limit} after {@code afterId}. */
    public Flux<Long> membersAt(long brandId, int level, long afterId, int limit) {
        return tiers.membersAt(brandId, level, afterId, limit);
    }

    public Mono<Tier> current(long memberId) {
        return tiers.find(memberId).defaultIfEmpty(untiered(memberId)).map(this::current);
    }

    /** The tier a member's tier row stands for now. */
    public Tier current(MemberTier state) {
        return byLevel(tiersAt(clock.instant()), state.level());
    }

    /**
     * The tier rows of these members (level 0 for a member who has none yet), each with their spend
     * in the tier window of the rules in force now: one statement for a page's tiers and progress.
     */
    public Mono<java.util.Map<Long, MemberStanding>> standings(java.util.Set<Long> memberIds) {
        Window window = windowNow();
        return tiers.standings(memberIds, window.from(), window.to())
                .collectMap(standing -> standing.tier().memberId());
    }

    /** The months a member's progress counts, as of now: the last {@code tierWindowMonths} including this one. */
    private record Window(YearMonth month, int months, Instant from, Instant to) {
    }

    private Window windowNow() {
        YearMonth month = YearMonth.from(clock.instant().atZone(zone()));
        int months = rules.rulesAt(clock.instant()).tierWindowMonths();
        return new Window(month, months, start(month.minusMonths(months - 1)), start(month.plusMonths(1)));
    }

    private static MemberTier untiered(long memberId) {
        return new MemberTier(memberId, 0, 0, Instant.EPOCH);
    }

    public Flux<TierChange> history(long memberId) {
        return tiers.history(memberId);
    }

    /**
     * The member's tier row, locked for the rest of the transaction, the tier it stands for, and the
     * member's spend in the tier window as of the lock ({@code [windowFrom, windowTo)}).
     */
    public record Locked(MemberTier state, Tier tier, long windowSpendCents, Instant windowFrom, Instant windowTo) {

        /** The window's spend with an order of {@code cents} at {@code at} added (when it falls in the window). */
        long spendWith(Instant at, long cents) {
            return !at.isBefore(windowFrom) && at.isBefore(windowTo) ? windowSpendCents + cents : windowSpendCents;
        }
    }

    /** Locks the member's tier row for this transaction (created at level 0 when missing); the tier as now. */
    public Mono<Locked> lock(long memberId) {
        return lock(memberId, clock.instant());
    }

    /** The same, with the tier as the rules in force at {@code at} define it (an order's time). */
    public Mono<Locked> lock(long memberId, Instant at) {
        Window window = windowNow();
        return tiers.lock(memberId, clock.instant(), window.from(), window.to())
                .map(locked -> new Locked(locked.tier(), byLevel(tiersAt(at), locked.tier().level()),
                        locked.windowSpendCents(), window.from(), window.to()));
    }

    /**
     * Upgrades the member right away when the current window's spend, with the purchase of
     * {@code amountCents} that happened at {@code occurredAt}, reaches a higher tier; the caller
     * locked the member's tier row ({@link #lock}) earlier in this transaction, which read the
     * window's spend before the purchase. Purchases and refunds at tills take the member's lock
     * first, so none came between; an order-history import does not, and counts from the next
     * purchase or the monthly review on.
     */
    public Mono<Void> upgradeAfterPurchase(Locked locked, Instant occurredAt, long amountCents) {
        Instant now = clock.instant();
        MemberTier state = locked.state();
        List<Tier> levels = tiersAt(now);
        int window = rules.rulesAt(now).tierWindowMonths();
        long avg = locked.spendWith(occurredAt, amountCents) / window;
        Tier reached = reached(levels, avg);
        if (reached.level() <= state.level()) {
            return Mono.empty();
        }
        return change(state, reached.level(), 0, now, null, "近" + window + "个月月均消费 " + Money.yuan(avg)
                + "，达到" + reached.name() + "标准（月均 " + Money.yuan(reached.thresholdCents()) + "），即时升级");
    }

    /** Reviews one member for the month; does nothing if that month was already reviewed. */
    public Mono<Void> review(long memberId, YearMonth month) {
        Instant now = clock.instant();
        LocalDate reviewMonth = month.atDay(1);
        // the rules in force when the reviewed month began
        ProgramRules then = rules.rulesAt(start(month));
        List<Tier> levels = tiersAt(start(month));
        int window = then.tierWindowMonths();
        int reviewsBeforeDrop = then.tierReviewsBeforeDrop();
        return Mono.defer(() -> tiers.lock(memberId, now, start(month.minusMonths(window)), start(month))
                .flatMap(locked -> tiers.reviewed(memberId, reviewMonth).flatMap(done -> done ? Mono.<Void>empty()
                        : Mono.defer(() -> {
                            MemberTier state = locked.tier();
                            long avg = locked.windowSpendCents() / window;
                            Tier current = byLevel(levels, state.level());
                            Tier reached = reached(levels, avg);
                            int level = state.level();
                            int below = state.monthsBelow();
                            String reason = null;
                            if (reached.level() > level) {
                                level = reached.level();
                                below = 0;
                                reason = month + " 复核：月均消费 " + Money.yuan(avg) + "，达到" + reached.name() + "标准，升级";
                            } else if (avg >= current.thresholdCents()) {
                                below = 0;
                            } else if (++below >= reviewsBeforeDrop && level > 0) {
                                level = level - 1;
                                below = 0;
                                reason = "连续 " + reviewsBeforeDrop + " 次复核月均消费低于" + current.name() + "保级标准 "
                                        + Money.yuan(current.thresholdCents()) + "（" + month + " 复核：" + Money.yuan(avg) + "），降为"
                                        + byLevel(levels, level).name();
                            }
                            Mono<Void> apply = reason != null
                                    ? change(state, level, below, now, reviewMonth, reason)
                                    : tiers.update(memberId, level, below, state.since());
                            return apply.then(tiers.recordReview(memberId, reviewMonth, avg, state.level(),
                                    level, below));
                        }))));
    }

    /** The brand's members (accounts not closed) at or above a tier level, e.g. to tell them of an early access. */
    public Flux<Long> membersAtOrAbove(long brandId, int level) {
        return tiers.membersAtOrAbove(brandId, level);
    }

    /** The brand's members (accounts not closed) at one of these tier levels, all above 0: e.g. a coupon's early tiers. */
    public Flux<Long> membersIn(long brandId, java.util.Collection<Integer> levels) {
        if (levels.isEmpty() || levels.contains(0)) {
            throw new IllegalArgumentException("levels above 0 only: members at level 0 may have no tier row");
        }
        return tiers.membersIn(brandId, levels);
    }

    public Flux<Long> membersToReview(YearMonth month) {
        int window = rules.rulesAt(start(month)).tierWindowMonths();
        return tiers.membersToReview(brand.id(), start(month.minusMonths(window)), start(month));
    }

    /** The member's progress towards the next tier, from their tier row and window spend. */
    public TierProgress progress(MemberStanding standing) {
        MemberTier state = standing.tier();
        long total = standing.windowSpendCents();
        Instant now = clock.instant();
        Window counted = windowNow();
        YearMonth month = counted.month();
        int window = counted.months();
        List<Tier> levels = tiersAt(now);
        ProgramRules inForce = rules.rulesAt(now);
        Tier current = byLevel(levels, state.level());
        Tier next = levels.stream().filter(x -> x.level() > current.level()).findFirst().orElse(null);
        long avg = total / window;
        long needed = next == null ? 0 : Math.max(0, next.thresholdCents() * window - total);
        double progress = next == null ? 1.0 : Math.min(1.0, (double) avg / next.thresholdCents());
        String basis = "按最近 " + window + " 个自然月（含本月）的消费计算，已扣除退款：共 " + Money.yuan(total) + "，月均 "
                + Money.yuan(avg) + "。" + (next == null ? "已是最高等级。"
                : "本月内再消费 " + Money.yuan(needed) + " 即可升级为" + next.name() + "（月均 "
                + Money.yuan(next.thresholdCents()) + "），达标即时升级。")
                + (current.level() == 0 ? "" : "每月 1 日复核前 " + window + " 个月的月均消费，连续 "
                + inForce.tierReviewsBeforeDrop() + " 次低于" + current.name() + "保级标准 "
                + Money.yuan(current.thresholdCents()) + " 降一级；当前已连续 " + state.monthsBelow() + " 次。");
        return new TierProgress(current, next, avg, needed, progress, state.monthsBelow(), current.thresholdCents(),
                start(month.plusMonths(1)), basis);
    }

    private Mono<Void> change(MemberTier state, int level, int below, Instant now, LocalDate reviewMonth, String reason) {
        return tiers.update(state.memberId(), level, below, now)
                .then(Mono.defer(() -> {
                    TierChange change = new TierChange(state.memberId(), state.level(), level, reason, reviewMonth, now);
                    return tiers.recordChange(change).then(Flux.fromStream(events::orderedStream)
                            .concatMap(e -> e.tierChanged(brand.id(), change)).then());
                }));
    }

    private static Tier reached(List<Tier> levels, long avg) {
        return levels.stream().filter(t -> t.thresholdCents() <= avg).max(Comparator.comparingInt(Tier::level))
                .orElse(levels.get(0));
    }

    private static Tier byLevel(List<Tier> levels, int level) {
        return levels.stream().filter(t -> t.level() == level).findFirst().orElse(levels.get(0));
    }

    private Instant start(YearMonth month) {
        return month.atDay(1).atStartOfDay(zone()).toInstant();
    }

    private ZoneId zone() {
        return brand.zone();
    }
}
