package com.loyalty.automation;

import com.loyalty.campaign.BuiltInCampaigns;
import com.loyalty.coupon.CouponPackService;
import com.loyalty.coupon.MemberCoupon;
import com.loyalty.notify.NotificationOutbox;
import com.loyalty.shared.config.BrandProperties;
import com.loyalty.shared.graphql.BusinessException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Runs the brands' enabled rules for a business date. Each action (record, coupons, message or
 * call) is one transaction, recorded once per rule, member and episode, so a second run the same
 * day acts on no one; an action that fails (e.g. a coupon out of stock) is retried next run.
 */
@Service
class AutomationService {

    private static final Logger log = LoggerFactory.getLogger(AutomationService.class);
    private static final LocalTime MESSAGE_TIME = LocalTime.of(10, 0);

    private final AutomationRepository automation;
    private final CandidateRepository candidates;
    private final FollowUpRepository followUps;
    private final CouponPackService packs;
    private final BuiltInCampaigns builtInCampaigns;
    private final NotificationOutbox outbox;
    private final BrandProperties brand;
    private final Clock clock;
    private final TransactionalOperator tx;

    AutomationService(AutomationRepository automation, CandidateRepository candidates,
                             FollowUpRepository followUps, CouponPackService packs, BuiltInCampaigns builtInCampaigns,
                             NotificationOutbox outbox, BrandProperties brand, Clock clock, TransactionalOperator tx) {
        this.builtInCampaigns = builtInCampaigns;
        this.automation = automation;
        this.candidates = candidates;
        this.followUps = followUps;
        this.packs = packs;
        this.outbox = outbox;
        this.brand = brand;
        this.clock = clock;
        this.tx = tx;
    }

    /** Runs built-in campaigns, then every enabled rule of every brand; says how many members each acted on. */
    public Mono<String> run(LocalDate asOf) {
        return builtInCampaigns.run(asOf).map(n -> "birthday campaigns gave " + n + " packs")
                // e.g. a birthday campaign's pack was archived (COUPON_ARCHIVED): the rules still run
                .onErrorResume(BusinessException.class, e -> {
                    log.warn("Birthday campaigns stopped on {}: {}", asOf, e.getMessage());
                    return Mono.just("birthday campaigns stopped: " + e.getMessage());
                })
                .concatWith(automation.brandIds()
                .concatMap(brandId -> automation.rules(brandId).filter(AutomationRule::enabled)
                        .concatMap(rule -> runRule(rule, asOf)
                                .flatMap(run -> automation.recordRun(brandId, rule.rule(), asOf, run.actedOn(),
                                                run.skippedNoConsent(), run.skippedPackArchived(), clock.instant())
                                        .thenReturn(rule.rule() + " acted on " + run.actedOn()
                                                + (run.skippedNoConsent() > 0 ? " (skipped " + run.skippedNoConsent()
                                                        + " without marketing consent)" : "")
                                                + (run.skippedPackArchived() > 0 ? " (skipped " + run.skippedPackArchived()
                                                        + ": its coupon pack is archived)" : ""))))))
                .collectList()
                .map(parts -> String.join(", ", parts));
    }

    /**
     * One rule's run: the members it acted on, those it skipped for lack of marketing consent, and
     * those it skipped because its pack is archived (left for a later run, once the pack is back or replaced).
     */
    private record RuleRun(long actedOn, long skippedNoConsent, long skippedPackArchived) {
    }

    /** A rule whose pack (or a coupon in it) is archived acts on nobody: it counts whom it would have acted on. */
    private Mono<RuleRun> runRule(AutomationRule rule, LocalDate asOf) {
        boolean givesPack = rule.packId() != null && rule.rule() != RuleName.PACK_FOLLOW_UP;
        return (givesPack ? packs.issuable(rule.brandId(), rule.packId()) : Mono.just(true))
                .flatMap(issuable -> issuable ? act(rule, asOf)
                        : consented(candidates(rule, asOf), new AtomicLong()).count()
                                .map(skipped -> new RuleRun(0, 0, skipped)));
    }

    private Flux<Candidate> candidates(AutomationRule rule, LocalDate asOf) {
        return switch (rule.rule()) {
            case DORMANT_30 -> candidates.popularItems(rule.brandId(), asOf, brand.zone())
                    .flatMapMany(items -> candidates.dormant(rule, asOf, brand.zone())
                            .doOnNext(c -> c.values().put("items", items.isEmpty() ? "新品" : items)));
            case DORMANT_60 -> candidates.dormant(rule, asOf, brand.zone());
            case PACK_FOLLOW_UP -> candidates.unusedPacks(rule, asOf);
            case BIRTHDAY -> candidates.birthdays(rule, asOf);
            case REPURCHASE -> candidates.repurchases(rule, asOf, brand.zone());
        };
    }

    /** The candidates who consented to marketing; those who did not are counted in {@code skipped}. */
    private Flux<Candidate> consented(Flux<Candidate> found, AtomicLong skipped) {
        return found.filterWhen(c -> automation.marketingConsent(c.memberId())
                .doOnNext(consented -> {
                    if (!consented) {
                        skipped.incrementAndGet();
                    }
                }));
    }

    private Mono<RuleRun> act(AutomationRule rule, LocalDate asOf) {
        AtomicLong skipped = new AtomicLong();
        return consented(candidates(rule, asOf), skipped)
                .concatMap(c -> act(rule, c, asOf)).filter(Boolean::booleanValue).count()
                .map(acted -> new RuleRun(acted, skipped.get(), 0));
    }

    /** One action in one transaction; false when already done or when it failed (retried next run). */
    private Mono<Boolean> act(AutomationRule rule, Candidate c, LocalDate asOf) {
        Instant now = clock.instant();
        return automation.recordAction(rule.brandId(), rule.rule(), c.memberId(), c.episode(), asOf, now)
                .flatMap(actionId -> issuePack(rule, c, actionId)
                        .flatMap(couponIds -> automation.setCoupons(actionId, couponIds))
                        .then(rule.rule() == RuleName.PACK_FOLLOW_UP ? assignCall(rule, c, actionId, asOf, now)
                                : message(rule, c, asOf, now))
                        .thenReturn(true))
                .defaultIfEmpty(false)
                .as(tx::transactional)
                .onErrorResume(BusinessException.class, e -> {
                    log.warn("Automation {} could not act on member {}: {}", rule.rule(), c.memberId(), e.getMessage());
                    return Mono.just(false);
                });
    }

    private Mono<List<Long>> issuePack(AutomationRule rule, Candidate c, long actionId) {
        if (rule.packId() == null || rule.rule() == RuleName.PACK_FOLLOW_UP) {
            return Mono.just(List.of());
        }
        return packs.issueAutomatically(rule.brandId(), c.memberId(), rule.packId(), "auto:" + actionId)
                .map(coupons -> coupons.stream().map(MemberCoupon::id).toList());
    }

    private Mono<Void> assignCall(AutomationRule rule, Candidate c, long actionId, LocalDate asOf, Instant now) {
        if (c.storeId() == null) {
            return Mono.error(new BusinessException(com.loyalty.shared.graphql.ErrorCode.STORE_NOT_FOUND,
                    "no store to call member " + c.memberId()));
        }
        return followUps.insert(rule.brandId(), c.storeId(), c.memberId(), actionId, rule.render(c.values()), asOf, now);
    }

    /** Queues the rule's message: for birthdays on the day itself, otherwise today; one per member, rule and day. */
    private Mono<Void> message(AutomationRule rule, Candidate c, LocalDate asOf, Instant now) {
        LocalDate day = asOf;
        if (rule.rule() == RuleName.BIRTHDAY) {
            LocalDate birthday = LocalDate.parse(c.values().get("birthday"));
            LocalDate thisYear = birthday.withYear(asOf.getYear());
            day = thisYear.isAfter(asOf) ? thisYear : asOf;
        }
        Instant due = day.atTime(MESSAGE_TIME).atZone(brand.zone()).toInstant();
        return outbox.enqueueDaily(c.memberId(), rule.rule().name(), Map.of("message", rule.render(c.values())),
                due.isBefore(now) ? now : due).then();
    }
}
