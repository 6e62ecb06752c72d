package com.loyalty.coupon;

import com.loyalty.shared.ratelimit.RateLimitedAction;
import com.loyalty.shared.ratelimit.RateLimits;
import com.loyalty.points.EntryKind;
import com.loyalty.points.NewEntry;
import com.loyalty.points.PointsService;
import com.loyalty.shared.graphql.BusinessException;
import com.loyalty.shared.graphql.ErrorCode;
import com.loyalty.shared.graphql.UserError;
import com.loyalty.shared.security.Role;
import com.loyalty.shared.security.Viewer;
import com.loyalty.store.StoreScope;
import org.springframework.security.access.AccessDeniedException;
import com.loyalty.audit.StaffAuditLog;
import com.loyalty.shared.EarlyAccessWindow;
import com.loyalty.shared.config.BrandProperties;
import com.loyalty.tier.TierService;
import java.time.Clock;
import java.time.Instant;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Hands out coupons: claimed from the coupon centre, bought with points, or issued by staff.
 * Every path is idempotent on its key. A stocked template's stock and per-member limit are taken
 * from its Redis gate ({@link CouponStockGate}) in one atomic script, and held in Postgres by the
 * coupon's stock slot (unique per template) and the member's count row, so they hold under any
 * number of parallel requests, without a row every claim waits for, and even when Redis is flushed.
 * A coupon with early access is checked before its gate: before the early start nobody claims or buys
 * it, then only members of its early tiers, then everyone (COUPON_NOT_YET_OPEN, with the time).
 */
@Service
class CouponService {

    private final CouponRepository coupons;
    private final TierService tiers;
    private final PointsService points;
    private final StaffAuditLog audit;
    private final Clock clock;
    private final TransactionalOperator tx;
    private final RateLimits rateLimits;
    private final StoreScope scope;
    private final ObjectProvider<CouponEvents> events;
    private final CouponStockGate gate;
    private final HeldTemplates held;
    private final BrandProperties brand;

    CouponService(CouponRepository coupons, TierService tiers, PointsService points, StaffAuditLog audit,
                         Clock clock, TransactionalOperator tx, RateLimits rateLimits, StoreScope scope,
                         ObjectProvider<CouponEvents> events, CouponStockGate gate, HeldTemplates held,
                         BrandProperties brand) {
        this.brand = brand;
        this.events = events;
        this.held = held;
        this.gate = gate;
        this.rateLimits = rateLimits;
        this.scope = scope;
        this.coupons = coupons;
        this.tiers = tiers;
        this.points = points;
        this.audit = audit;
        this.clock = clock;
        this.tx = tx;
    }

    /** How a coupon is being obtained. */
    enum Way { CLAIM, EXCHANGE, ISSUE, PACK, CAMPAIGN, REWARD, LOTTERY }

    public Mono<MemberCoupon> claim(Viewer member, long templateId, String key) {
        return rateLimits.acquire(RateLimitedAction.COUPON_CLAIM, member.id())
                .then(Mono.defer(() -> obtain(member.brandId(), member.id(), templateId, Way.CLAIM, key, null)));
    }

    public Mono<MemberCoupon> exchange(Viewer member, long templateId, String key) {
        return rateLimits.acquire(RateLimitedAction.COUPON_CLAIM, member.id())
                .then(Mono.defer(() -> obtain(member.brandId(), member.id(), templateId, Way.EXCHANGE, key, null)));
    }

    public Mono<MemberCoupon> issue(Viewer staff, Long memberId, long templateId, String key, String reason) {
        if (reason == null || reason.isBlank()) {
            return Mono.error(BusinessException.invalid("reason", "请填写发券原因"));
        }
        return scope.requireMemberInScope(staff, memberId, "memberId")
                .flatMap(member -> coupons.findTemplate(staff.brandId(), templateId)
                        .map(template -> mayIssue(staff, template)).defaultIfEmpty(true)
                        .flatMap(allowed -> allowed ? Mono.just(member)
                                : Mono.error(new AccessDeniedException("a manager issues coupons of their own store only"))))
                .flatMap(member -> obtain(staff.brandId(), member.id(), templateId, Way.ISSUE, key, null)
                        .flatMap(coupon -> audit.record(staff, staff.storeId(), "ISSUE_COUPON", member.id(),
                                "template " + templateId + ": " + reason.strip()).thenReturn(coupon)));
    }

    /**
     * Whether this staff member may hand the template out: a manager only what their own store
     * honours (a template for every store, or one that names their store); an admin anything.
     */
    static boolean mayIssue(Viewer staff, CouponTemplate template) {
        return staff.role() != Role.STORE_MANAGER || template.usableAt(staff.storeId());
    }

    /** COUPON_ARCHIVED for the template: no new coupons of it. */
    static BusinessException archived(CouponTemplate t) {
        return new BusinessException(UserError.onInput("templateId", ErrorCode.COUPON_ARCHIVED,
                "优惠券「" + t.name() + "」已下架，不能再发放或领取"));
    }

    /** A coupon another feature gives as a reward ({@link CouponRewards}). */
    Mono<MemberCoupon> reward(long brandId, long memberId, long templateId, String key) {
        return obtain(brandId, memberId, templateId, Way.REWARD, key, null);
    }

    /** One coupon of a pack, inside the pack's transaction; checks as for an issued coupon. */
    Mono<MemberCoupon> obtainForPack(long brandId, long memberId, long templateId, String key, Long campaignId) {
        return obtain(brandId, memberId, templateId, campaignId == null ? Way.PACK : Way.CAMPAIGN, key, campaignId);
    }

    /** A coupon won in a lottery draw, inside the draw's transaction; once per key; checks as for an issued coupon. */
    Mono<MemberCoupon> obtainAsPrize(long brandId, long memberId, long templateId, String key) {
        return obtain(brandId, memberId, templateId, Way.LOTTERY, key, null);
    }

    private Mono<MemberCoupon> obtain(long brandId, long memberId, long templateId, Way way, String key,
                                      Long campaignId) {
        if (key == null || key.isBlank() || key.length() > 100) {
            return Mono.error(BusinessException.invalid("idempotencyKey", "需要 1 到 100 个字符的幂等键"));
        }
        String sourceKey = way.name().toLowerCase() + ":" + key;
        Instant now = clock.instant();
        return held.find(brandId, templateId)
                .switchIfEmpty(Mono.error(() -> new BusinessException(UserError.onInput("templateId",
                        ErrorCode.COUPON_NOT_FOUND, "优惠券不存在"))))
                .flatMap(template -> check(template, way, memberId, now)
                        .then(Mono.defer(() -> hand(template, way, memberId, sourceKey, now, campaignId)))
                        // a repeat: the key's coupon, whatever changed since (paused, sold out, limit reached);
                        // a new key goes straight to the gate and the insert, which finds a repeat by the same key
                        .onErrorResume(BusinessException.class, e -> coupons.findBySourceKey(memberId, sourceKey)
                                .switchIfEmpty(Mono.error(e))));
    }

    private Mono<Void> check(CouponTemplate t, Way way, long memberId, Instant now) {
        if (t.archived()) {
            return Mono.error(archived(t));
        }
        if (!t.obtainableAt(now) || way == Way.CLAIM && !t.claimable() || way == Way.EXCHANGE && t.pointsPrice() == null) {
            return Mono.error(new BusinessException(ErrorCode.COUPON_NOT_AVAILABLE, "这张券现在不能领取"));
        }
        // the early access holds back what members get themselves from the centre, not what staff,
        // packs, campaigns or rewards give; once open to everyone it costs nothing (no tier read)
        EarlyAccessWindow.Phase phase = way == Way.CLAIM || way == Way.EXCHANGE ? t.phaseAt(now)
                : EarlyAccessWindow.Phase.OPEN;
        if (t.minTierLevel() <= 0 && phase == EarlyAccessWindow.Phase.OPEN) {
            return Mono.empty(); // every tier may have it
        }
        return tiers.current(memberId).flatMap(tier -> {
            if (tier.level() < t.minTierLevel()) {
                return Mono.error(new BusinessException(ErrorCode.COUPON_TIER_TOO_LOW, "会员等级不够，不能领取这张券"));
            }
            Instant opensAt = t.window().opensFor(t.earlyFor(tier.level()), now);
            return opensAt == null ? Mono.empty() : Mono.error(notYetOpen(t, way, tier.level(), opensAt, now));
        });
    }

    /** COUPON_NOT_YET_OPEN with when the member may have it: 12月10日 10:00 开放领取. */
    private CouponNotYetOpen notYetOpen(CouponTemplate t, Way way, int level, Instant opensAt, Instant now) {
        String verb = way == Way.EXCHANGE ? "兑换" : "领取";
        String when = EarlyAccessWindow.shown(opensAt, now, brand.zone());
        String early = String.join("、", t.earlyAccess().tierNames(tiers.tiersAt(now)));
        String message = t.earlyFor(level)
                ? "「" + t.name() + "」" + when + " 起" + early + "会员优先" + verb + "，请届时再来"
                : "「" + t.name() + "」" + when + " 开放" + verb
                        + (t.phaseAt(now) == EarlyAccessWindow.Phase.EARLY ? "，现在仅" + early + "会员可优先" + verb : "");
        return new CouponNotYetOpen(message, opensAt);
    }

    /** How often a claim takes another slot when the one the gate gave turned out to be held (a gate rebuilt mid-drop). */
    private static final int SLOT_ATTEMPTS = 5;

    /**
     * Takes the member's unit and a stock slot from the gate (Redis, no Postgres: a sold-out or
     * over-limit answer costs no transaction), then one transaction: the coupon holding the slot and
     * the member's count (one statement), the points, the events.
     */
    private Mono<MemberCoupon> hand(CouponTemplate t, Way way, long memberId, String sourceKey, Instant now,
                                    Long campaignId) {
        return gate.take(t, memberId).flatMap(ticket -> ticket.outcome() != CouponStockGate.Outcome.TAKEN
                ? Mono.error(refusal(t, ticket.outcome()))
                : way == Way.LOTTERY
                        // the draw's own transaction holds it: a refusal inside (the member's limit) must not
                        // mark that transaction rollback-only, the draw records 谢谢参与 and goes on
                        ? place(t, way, memberId, sourceKey, now, campaignId, ticket, 1)
                        : place(t, way, memberId, sourceKey, now, campaignId, ticket, 1).as(tx::transactional));
    }

    private static BusinessException refusal(CouponTemplate t, CouponStockGate.Outcome outcome) {
        return outcome == CouponStockGate.Outcome.LIMIT_REACHED
                ? new BusinessException(ErrorCode.COUPON_LIMIT_REACHED, "这张券每人限领 " + t.perMemberLimit() + " 张")
                : new BusinessException(ErrorCode.COUPON_OUT_OF_STOCK, "这张券已被领完");
    }

    /** Inside the transaction: the coupon with the ticket's slot; whatever fails gives the ticket back. */
    private Mono<MemberCoupon> place(CouponTemplate t, Way way, long memberId, String sourceKey, Instant now,
                                     Long campaignId, CouponStockGate.Ticket ticket, int attempt) {
        Mono<Void> pay = way != Way.EXCHANGE ? Mono.empty()
                : points.lock(memberId).then(points.debit(new NewEntry(t.brandId(), memberId, EntryKind.COUPON_EXCHANGE,
                        null, null, null, null, "兑换 " + t.name(), sourceKey, now), t.pointsPrice(), null, false)).then();
        return gate.giveBackOnRollback(ticket)
                .then(coupons.insertCoupon(t.id(), memberId, way.name(), sourceKey, t.startFor(now), t.expiryFor(now),
                        now, campaignId, ticket.slot(), t.perMemberLimit()))
                .flatMap(inserted -> inserted.counted()
                        ? pay.then(Flux.fromStream(events::orderedStream)
                                .concatMap(e -> e.couponIssued(inserted.coupon(), t, way.name())).then())
                                .thenReturn(inserted.coupon())
                        // the member already holds the limit (their count row says so, whatever the gate said):
                        // the coupon the statement inserted goes, so that a transaction going on (a pack's, a
                        // campaign's) neither keeps it nor takes it for an earlier coupon of the same key
                        : coupons.deleteUncounted(inserted.coupon().id()).then(gate.giveBack(ticket, true, false))
                                .then(Mono.error(refusal(t,
                                CouponStockGate.Outcome.LIMIT_REACHED))))
                .switchIfEmpty(Mono.defer(() -> notPlaced(t, way, memberId, sourceKey, now, campaignId, ticket, attempt)))
                .onErrorResume(e -> gate.giveBack(ticket, true, true).then(Mono.error(e)));
    }

    /**
     * Nothing was inserted: the same key won a race (answer its coupon), or the slot is held by a
     * coupon the gate did not count (take another), or above the stock (rebuild the gate, take another).
     */
    private Mono<MemberCoupon> notPlaced(CouponTemplate t, Way way, long memberId, String sourceKey, Instant now,
                                         Long campaignId, CouponStockGate.Ticket ticket, int attempt) {
        Mono<MemberCoupon> again = Mono.defer(() -> attempt >= SLOT_ATTEMPTS
                ? Mono.error(refusal(t, CouponStockGate.Outcome.OUT_OF_STOCK))
                : gate.take(t, memberId).flatMap(next -> next.outcome() != CouponStockGate.Outcome.TAKEN
                        ? Mono.error(refusal(t, next.outcome()))
                        : place(t, way, memberId, sourceKey, now, campaignId, next, attempt + 1)));
        return coupons.findBySourceKey(memberId, sourceKey)
                .flatMap(first -> gate.giveBack(ticket, true, true).thenReturn(first))
                .switchIfEmpty(Mono.defer(() -> ticket.slot() == null
                        ? Mono.error(new BusinessException(ErrorCode.COUPON_NOT_AVAILABLE, "这张券现在不能领取"))
                        : coupons.slotHeld(t.id(), ticket.slot()).flatMap(held -> gate.giveBack(ticket, false, true)
                                .then(held ? Mono.empty() : gate.rebuild(t.id()))
                                .then(again))));
    }
}
