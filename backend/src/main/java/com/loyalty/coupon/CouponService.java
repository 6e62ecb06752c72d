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
 * Every path is idempotent on its key; stock and the per-member limit are taken by single atomic
 * statements in the same transaction as the coupon, so they hold under any number of parallel
 * requests.
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

    CouponService(CouponRepository coupons, TierService tiers, PointsService points, StaffAuditLog audit,
                         Clock clock, TransactionalOperator tx, RateLimits rateLimits, StoreScope scope,
                         ObjectProvider<CouponEvents> events) {
        this.events = events;
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
    enum Way { CLAIM, EXCHANGE, ISSUE, PACK, CAMPAIGN }

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

    /** One coupon of a pack, inside the pack's transaction; checks as for an issued coupon. */
    Mono<MemberCoupon> obtainForPack(long brandId, long memberId, long templateId, String key, Long campaignId) {
        return obtain(brandId, memberId, templateId, campaignId == null ? Way.PACK : Way.CAMPAIGN, key, campaignId);
    }

    private Mono<MemberCoupon> obtain(long brandId, long memberId, long templateId, Way way, String key,
                                      Long campaignId) {
        if (key == null || key.isBlank() || key.length() > 100) {
            return Mono.error(BusinessException.invalid("idempotencyKey", "需要 1 到 100 个字符的幂等键"));
        }
        String sourceKey = way.name().toLowerCase() + ":" + key;
        Instant now = clock.instant();
        return coupons.findTemplate(brandId, templateId)
                .switchIfEmpty(Mono.error(() -> new BusinessException(UserError.onInput("templateId",
                        ErrorCode.COUPON_NOT_FOUND, "优惠券不存在"))))
                .flatMap(template -> coupons.findBySourceKey(memberId, sourceKey)
                        .switchIfEmpty(Mono.defer(() -> check(template, way, memberId, now)
                                .then(Mono.defer(() -> hand(template, way, memberId, sourceKey, now, campaignId))))));
    }

    private Mono<Void> check(CouponTemplate t, Way way, long memberId, Instant now) {
        if (t.archived()) {
            return Mono.error(archived(t));
        }
        if (!t.obtainableAt(now) || way == Way.CLAIM && !t.claimable() || way == Way.EXCHANGE && t.pointsPrice() == null) {
            return Mono.error(new BusinessException(ErrorCode.COUPON_NOT_AVAILABLE, "这张券现在不能领取"));
        }
        return tiers.current(memberId).flatMap(tier -> tier.level() >= t.minTierLevel() ? Mono.empty()
                : Mono.error(new BusinessException(ErrorCode.COUPON_TIER_TOO_LOW, "会员等级不够，不能领取这张券")));
    }

    /** One transaction: the coupon row (the idempotency key), the member's count, the stock, the points. */
    private Mono<MemberCoupon> hand(CouponTemplate t, Way way, long memberId, String sourceKey, Instant now,
                                    Long campaignId) {
        Mono<Void> pay = way != Way.EXCHANGE ? Mono.empty()
                : points.lock(memberId).then(points.debit(new NewEntry(t.brandId(), memberId, EntryKind.COUPON_EXCHANGE,
                        null, null, null, null, "兑换 " + t.name(), sourceKey, now), t.pointsPrice(), null, false)).then();
        return coupons.insertCoupon(t.id(), memberId, way.name(), sourceKey, t.startFor(now), t.expiryFor(now), now,
                        campaignId)
                .flatMap(coupon -> coupons.countForMember(t.id(), memberId, t.perMemberLimit())
                        .flatMap(counted -> counted ? coupons.takeStock(t.id())
                                : Mono.error(new BusinessException(ErrorCode.COUPON_LIMIT_REACHED,
                                        "这张券每人限领 " + t.perMemberLimit() + " 张")))
                        .flatMap(inStock -> inStock ? pay.then(Flux.fromStream(events::orderedStream)
                                        .concatMap(e -> e.couponIssued(coupon, t, way.name())).then()).thenReturn(coupon)
                                : Mono.error(new BusinessException(ErrorCode.COUPON_OUT_OF_STOCK, "这张券已被领完"))))
                // the same key raced us and won: answer with its coupon
                .switchIfEmpty(Mono.defer(() -> coupons.findBySourceKey(memberId, sourceKey)))
                .as(tx::transactional);
    }
}
