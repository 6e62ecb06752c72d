package com.loyalty.coupon;

import com.loyalty.shared.Money;
import com.loyalty.shared.graphql.BusinessException;
import com.loyalty.shared.graphql.Pages;
import com.loyalty.shared.graphql.ErrorCode;
import com.loyalty.shared.graphql.UserError;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Coupons at the till (核销): checks that each coupon is the member's, usable, valid, for this
 * store and channel, stackable with the others, and that its eligible items reach its
 * threshold; computes the discount; marks them used inside the purchase's transaction; gives
 * still-valid ones back when the purchase is refunded in full.
 */
@Service
public class CouponRedemption {

    private final CouponRepository coupons;
    private final ObjectProvider<CouponEvents> events;

    public CouponRedemption(CouponRepository coupons, ObjectProvider<CouponEvents> events) {
        this.coupons = coupons;
        this.events = events;
    }

    /** The coupons an order names, by id, and their templates, by id. */
    private record Found(Map<Long, MemberCoupon> coupons, Map<Long, CouponTemplate> templates) {
    }

    public Mono<AppliedCoupons> apply(long memberId, long storeId, boolean online, long amountCents,
                                      List<OrderLine> lines, List<Long> couponIds, Instant now) {
        if (couponIds == null || couponIds.isEmpty()) {
            return Mono.just(AppliedCoupons.NONE);
        }
        if (new HashSet<>(couponIds).size() != couponIds.size()) {
            return Mono.error(BusinessException.invalid("couponIds", "同一张券只能用一次"));
        }
        return coupons.findCoupons(couponIds).collectMap(MemberCoupon::id)
                .flatMap(held -> coupons.findTemplates(held.values().stream().map(MemberCoupon::templateId).toList())
                        .collectMap(CouponTemplate::id).map(templates -> new Found(held, templates)))
                .map(found -> {
                    long discount = 0;
                    for (Long id : couponIds) {
                        MemberCoupon coupon = found.coupons().get(id);
                        if (coupon == null || coupon.memberId() != memberId || coupon.used()
                                || coupon.validFrom().isAfter(now) || !coupon.validUntil().isAfter(now)) {
                            throw notUsable(id);
                        }
                        CouponTemplate template = found.templates().get(coupon.templateId());
                        discount += discount(template, storeId, online, amountCents, lines, couponIds.size());
                    }
                    return new AppliedCoupons(List.copyOf(couponIds), Math.min(discount, amountCents));
                });
    }

    /** Each of the member's usable coupons, and whether (and how much) it would take off this order. */
    public Mono<List<CouponForOrder>> assess(long memberId, long storeId, boolean online, long amountCents,
                                             List<OrderLine> lines, Instant now) {
        return coupons.coupons(memberId, MemberCoupon.Status.USABLE, now, null, Pages.MAX_PAGE).collectList()
                .flatMap(held -> coupons.findTemplates(held.stream().map(MemberCoupon::templateId).distinct().toList())
                        .collectMap(CouponTemplate::id)
                        .map(templates -> held.stream().map(coupon -> {
                            if (coupon.validFrom().isAfter(now)) {
                                return new CouponForOrder(coupon, false, 0, "尚未到可用时间");
                            }
                            try {
                                long off = discount(templates.get(coupon.templateId()), storeId, online, amountCents,
                                        lines, 1);
                                return new CouponForOrder(coupon, true, Math.min(off, amountCents), null);
                            } catch (BusinessException e) {
                                return new CouponForOrder(coupon, false, 0, e.error().message());
                            }
                        }).toList()));
    }

    /** Marks the applied coupons used by the purchase; a coupon used meanwhile fails the purchase. */
    public Mono<Void> markUsed(long memberId, AppliedCoupons applied, long purchaseId, Instant now) {
        return markUsed(memberId, applied, purchaseId, null, now);
    }

    /** The same, for a purchase at the store (null: online), which the coupons' redemption events name. */
    public Mono<Void> markUsed(long memberId, AppliedCoupons applied, long purchaseId, Long storeId, Instant now) {
        if (applied.couponIds().isEmpty()) {
            return Mono.empty();
        }
        return coupons.markUsed(memberId, applied.couponIds(), purchaseId, now)
                .flatMap(marked -> marked == applied.couponIds().size() ? Mono.<Void>empty()
                        : Mono.error(notUsable(null)))
                .then(Mono.defer(() -> redeemed(applied.couponIds(), purchaseId, storeId)));
    }

    /** Tells the others of each coupon the purchase used. */
    private Mono<Void> redeemed(List<Long> couponIds, long purchaseId, Long storeId) {
        List<CouponEvents> listeners = events.orderedStream().toList();
        if (listeners.isEmpty()) {
            return Mono.empty();
        }
        return coupons.findCoupons(couponIds).collectList()
                .flatMap(used -> coupons.findTemplates(used.stream().map(MemberCoupon::templateId).distinct().toList())
                        .collectMap(CouponTemplate::id)
                        .flatMap(templates -> Flux.fromIterable(used)
                                .concatMap(coupon -> Flux.fromIterable(listeners).concatMap(e -> e.couponRedeemed(coupon,
                                        templates.get(coupon.templateId()), purchaseId, storeId)))
                                .then()));
    }

    /** The coupons each of these purchases used and still keeps, by purchase id (none: no entry). */
    public Mono<Map<Long, List<MemberCoupon>>> usedOn(java.util.Collection<Long> purchaseIds) {
        return coupons.usedOn(purchaseIds).collectMultimap(Map.Entry::getKey, Map.Entry::getValue)
                .map(byPurchase -> byPurchase.entrySet().stream().collect(java.util.stream.Collectors.toMap(
                        Map.Entry::getKey, e -> List.copyOf(e.getValue()))));
    }

    /** Gives back a fully refunded purchase's coupons still within validity. */
    public Mono<ReturnedCoupons> returnFor(long purchaseId, Instant now) {
        return coupons.returnUsedBy(purchaseId, now);
    }

    private static long discount(CouponTemplate t, long storeId, boolean online, long amountCents,
                                 List<OrderLine> lines, int together) {
        if (t.storeIds() != null && !t.storeIds().contains(storeId)) {
            throw notApplicable(t, "不适用于本门店");
        }
        if (t.channel() == CouponTemplate.Channel.STORE && online || t.channel() == CouponTemplate.Channel.ONLINE && !online) {
            throw notApplicable(t, online ? "仅限门店使用" : "仅限线上使用");
        }
        if (together > 1 && !t.stackable()) {
            throw notApplicable(t, "不能与其他券同时使用");
        }
        long eligible = t.categories() == null ? amountCents
                : lines.stream().filter(l -> t.categories().contains(l.category())).mapToLong(OrderLine::amountCents).sum();
        if (t.categories() != null && eligible == 0) {
            throw notApplicable(t, "订单中没有适用品类 " + t.categories());
        }
        if (eligible < t.thresholdCents()) {
            throw notApplicable(t, "适用商品未满 " + Money.yuan(t.thresholdCents()));
        }
        return switch (t.kind()) {
            case AMOUNT_OFF -> Math.min(t.amountOffCents(), eligible);
            case PERCENT_OFF -> {
                long off = eligible * t.percentOff() / 100;
                yield t.maxDiscountCents() == null ? off : Math.min(off, t.maxDiscountCents());
            }
            case SHIPPING, GIFT -> 0;
        };
    }

    private static BusinessException notUsable(Long id) {
        return new BusinessException(UserError.onInput("couponIds", ErrorCode.COUPON_NOT_USABLE,
                "优惠券不可用（不属于该会员、已使用或不在有效期）" + (id == null ? "" : "：" + id)));
    }

    private static BusinessException notApplicable(CouponTemplate t, String why) {
        return new BusinessException(UserError.onInput("couponIds", ErrorCode.COUPON_NOT_APPLICABLE,
                t.name() + " " + why));
    }
}
