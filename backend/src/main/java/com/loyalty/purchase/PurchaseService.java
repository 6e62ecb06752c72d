package com.loyalty.purchase;

import com.loyalty.campaign.CampaignService;
import com.loyalty.coupon.CouponRedemption;
import com.loyalty.coupon.OrderLine;
import com.loyalty.member.Member;
import com.loyalty.member.MemberService;
import com.loyalty.membercode.MemberCodeService;
import com.loyalty.points.Earning;
import com.loyalty.points.EarningRules;
import com.loyalty.points.EntryKind;
import com.loyalty.points.NewEntry;
import com.loyalty.points.PointsService;
import com.loyalty.shared.config.BrandProperties;
import com.loyalty.shared.graphql.BusinessException;
import com.loyalty.shared.security.Viewer;
import com.loyalty.staff.StaffAuditLog;
import com.loyalty.store.StoreScope;
import com.loyalty.tier.TierService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Records purchases at the till: points paid at the till come off the soonest-expiring buckets,
 * points earned on the amount paid go into a new bucket. Store + order number is the
 * idempotency key: a repeat returns the first result and changes nothing. An order naming no
 * member is a guest (non-member) order, recorded by {@link GuestPurchases}.
 */
@Service
public class PurchaseService {

    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    private final PurchaseRepository purchases;
    private final PointsService points;
    private final EarningRules earningRules;
    private final MemberService members;
    private final MemberCodeService memberCodes;
    private final StoreScope storeScope;
    private final StaffAuditLog audit;
    private final BrandProperties brand;
    private final Clock clock;
    private final TierService tiers;
    private final CouponRedemption coupons;
    private final CampaignService campaigns;
    private final ObjectProvider<PurchaseEvents> events;
    private final ObjectProvider<TillPayment> tillPayment;
    private final TransactionalOperator tx;
    private final GuestPurchases guests;

    public PurchaseService(PurchaseRepository purchases, PointsService points, EarningRules earningRules,
                           MemberService members, MemberCodeService memberCodes, StoreScope storeScope,
                           StaffAuditLog audit, BrandProperties brand, Clock clock, TierService tiers,
                           CouponRedemption coupons, CampaignService campaigns, ObjectProvider<PurchaseEvents> events,
                           ObjectProvider<TillPayment> tillPayment, TransactionalOperator tx,
                           GuestPurchases guests) {
        this.purchases = purchases;
        this.points = points;
        this.earningRules = earningRules;
        this.members = members;
        this.memberCodes = memberCodes;
        this.storeScope = storeScope;
        this.audit = audit;
        this.brand = brand;
        this.clock = clock;
        this.tiers = tiers;
        this.coupons = coupons;
        this.campaigns = campaigns;
        this.events = events;
        this.tillPayment = tillPayment;
        this.tx = tx;
        this.guests = guests;
    }

    public Mono<RecordPurchasePayload> record(Viewer staff, RecordPurchaseInput input) {
        return Mono.fromRunnable(() -> check(input))
                .then(storeScope.storeFor(staff, input.storeId()))
                .flatMap(storeId -> purchases.findByOrder(storeId, input.orderNo())
                        .map(existing -> RecordPurchasePayload.of(existing, true))
                        .switchIfEmpty(Mono.defer(() -> input.guest() ? guests.record(staff, storeId, input)
                                : member(staff, storeId, input).flatMap(member -> recordNew(staff, storeId, member, input)))));
    }

    private Mono<Member> member(Viewer staff, long storeId, RecordPurchaseInput input) {
        if (input.memberCodeToken() != null) {
            return memberCodes.redeem(staff, input.memberCodeToken(), "order:" + storeId + ":" + input.orderNo());
        }
        return members.requireInBrand(staff.brandId(), input.memberId(), "memberId");
    }

    private Mono<RecordPurchasePayload> recordNew(Viewer staff, long storeId, Member member, RecordPurchaseInput in) {
        Instant now = clock.instant();
        Instant occurredAt = in.occurredAt() == null ? now : in.occurredAt();
        long redeem = in.pointsToRedeem() == null ? 0 : in.pointsToRedeem();
        Purchase.Channel channel = in.channel() == null ? Purchase.Channel.STORE : in.channel();
        return points.lock(member.id())
                .then(Mono.zip(tiers.lock(member.id()), campaigns.multiplierFor(member.id(), occurredAt),
                        coupons.apply(member.id(), storeId, channel == Purchase.Channel.ONLINE, in.amountCents(),
                                lines(in), in.couponIds(), now)))
                .flatMap(t -> {
                    var applied = t.getT3();
                    long paid = in.amountCents() - applied.discountCents() - points.centsFor(redeem);
                    if (paid < 0) {
                        return Mono.error(BusinessException.invalid("pointsToRedeem", "积分抵扣不能超过用券后的应付金额"));
                    }
                    TillPayment payment = tillPayment.getIfAvailable();
                    Mono<TillPayment.Held> held = payment == null ? Mono.just(TillPayment.NONE)
                            : payment.hold(staff, storeId, member, in, paid, now);
                    return held.flatMap(h -> {
                        // earned at the member's tier before this purchase, times any campaign multiplier
                        Earning earning = earningRules.earn(paid - h.pointsFreeCents(), occurredAt, brand.zone(),
                                member.birthday(), t.getT1().tier().pointsMultiplier(), t.getT2());
                        return purchases.insertIfAbsent(brand.id(), storeId, member.id(), in, channel, redeem,
                                        points.centsFor(redeem), applied.discountCents(), occurredAt, staff.id(), earning)
                                .flatMap(purchase -> coupons.markUsed(member.id(), applied, purchase.id(), now)
                                        .then(h.book().apply(purchase))
                                        .then(recorded(staff, storeId, member, in, purchase, redeem, now, t.getT1())));
                    });
                })
                // a concurrent request recorded the order first
                .switchIfEmpty(Mono.defer(() -> purchases.findByOrder(storeId, in.orderNo())
                        .map(existing -> RecordPurchasePayload.of(existing, true))))
                .as(tx::transactional);
    }

    /** The rest of a new purchase: its lines, points paid and earned, the tier, the audit and other features. */
    private Mono<RecordPurchasePayload> recorded(Viewer staff, long storeId, Member member, RecordPurchaseInput in,
                                                 Purchase purchase, long redeem, Instant now, TierService.Locked tier) {
        NewEntry entry = new NewEntry(brand.id(), member.id(), EntryKind.EARN, purchase.id(), null,
                storeId, staff.id(), null, null, now);
        Mono<Long> earn = purchase.pointsEarned() > 0
                ? points.credit(entry, purchase.pointsEarned(), points.expiryFor(purchase.occurredAt()))
                : Mono.just(0L);
        return (redeem > 0 ? points.debit(entry.withKind(EntryKind.REDEEM), redeem, null, false).then()
                        : Mono.empty())
                .then(earn)
                // then lets the purchase lift the tier
                .then(tiers.upgradeAfterPurchase(tier))
                .then(audit.record(staff, storeId, "RECORD_PURCHASE", member.id(),
                        in.orderNo() + " " + in.amountCents() + " cents"))
                .then(Flux.fromStream(events::orderedStream).concatMap(e -> e.purchaseRecorded(purchase, member)).then())
                .thenReturn(RecordPurchasePayload.of(purchase, false));
    }

    private void check(RecordPurchaseInput in) {
        if (in.orderNo() == null || in.orderNo().isBlank() || in.orderNo().length() > 64) {
            throw BusinessException.invalid("orderNo", "订单号需为 1 到 64 个字符");
        }
        if (in.memberCodeToken() != null && in.memberId() != null) {
            throw BusinessException.invalid("memberCodeToken", "请扫描会员码或指定会员（二选一）");
        }
        if (in.guest()) {
            GuestPurchases.check(in);
        }
        if (in.amountCents() == null || in.amountCents() <= 0) {
            throw BusinessException.invalid("amountCents", "订单金额需大于 0");
        }
        long redeem = in.pointsToRedeem() == null ? 0 : in.pointsToRedeem();
        if (redeem < 0 || !points.redeemable(redeem) || points.centsFor(redeem) > in.amountCents()) {
            throw BusinessException.invalid("pointsToRedeem", "抵扣积分需为非负、可折算为整分，且不超过订单金额");
        }
        if (in.occurredAt() != null && in.occurredAt().isAfter(clock.instant().plus(CLOCK_SKEW))) {
            throw BusinessException.invalid("occurredAt", "下单时间不能晚于当前时间");
        }
        for (PurchaseItemInput item : in.itemList()) {
            if (item.sku() == null || item.sku().isBlank() || item.name() == null || item.name().isBlank()
                    || item.quantity() == null || item.quantity() <= 0
                    || item.unitPriceCents() == null || item.unitPriceCents() < 0) {
                throw BusinessException.invalid("items", "商品需有 SKU、名称、正数数量和非负单价");
            }
        }
    }

    /** The order's lines as coupons see them. */
    private static List<OrderLine> lines(RecordPurchaseInput in) {
        return in.itemList().stream().map(i -> new OrderLine(i.category(), i.quantity() * i.unitPriceCents())).toList();
    }

}
