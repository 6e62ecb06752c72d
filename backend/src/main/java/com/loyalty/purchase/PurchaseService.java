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
import com.loyalty.shared.graphql.ErrorCode;
import com.loyalty.shared.graphql.UserError;
import com.loyalty.shared.security.Viewer;
import com.loyalty.audit.StaffAuditLog;
import com.loyalty.store.StoreScope;
import com.loyalty.tier.TierService;
import java.time.Clock;
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
    private final PurchaseProperties limits;

    public PurchaseService(PurchaseRepository purchases, PointsService points, EarningRules earningRules,
                           MemberService members, MemberCodeService memberCodes, StoreScope storeScope,
                           StaffAuditLog audit, BrandProperties brand, Clock clock, TierService tiers,
                           CouponRedemption coupons, CampaignService campaigns, ObjectProvider<PurchaseEvents> events,
                           ObjectProvider<TillPayment> tillPayment, TransactionalOperator tx,
                           GuestPurchases guests, PurchaseProperties limits) {
        this.limits = limits;
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

    /**
     * The member of the order: by their code or the proof of a scan (present, so they may spend),
     * or by id (earns only: {@link #check} refused spending without the member).
     */
    private Mono<Member> member(Viewer staff, long storeId, RecordPurchaseInput input) {
        String order = "order:" + storeId + ":" + input.orderNo();
        if (input.memberCodeToken() != null) {
            return memberCodes.redeem(staff, input.memberCodeToken(), order);
        }
        if (input.tillProof() != null) {
            return memberCodes.proven(staff, storeId, input.tillProof(), order)
                    .filter(member -> input.memberId() == null || input.memberId() == member.id())
                    .switchIfEmpty(Mono.error(() -> new BusinessException(UserError.onInput("tillProof",
                            ErrorCode.MEMBER_PROOF_INVALID, "扫码凭证属于另一位会员，请重新扫描会员码"))));
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
        if (in.memberCodeToken() != null && (in.memberId() != null || in.tillProof() != null)) {
            throw BusinessException.invalid("memberCodeToken", "请扫描会员码或指定会员（二选一）");
        }
        if (in.guest()) {
            GuestPurchases.check(in);
        }
        if (in.amountCents() == null || in.amountCents() <= 0 || !limits.amountInRange(in.amountCents())) {
            throw BusinessException.invalid("amountCents", "订单金额需大于 0 且不超过 " + yuan(limits.maxAmountCents()) + " 元");
        }
        long redeem = in.pointsToRedeem() == null ? 0 : in.pointsToRedeem();
        if (redeem < 0 || redeem > limits.maxPoints() || !points.redeemable(redeem)
                || points.centsFor(redeem) > in.amountCents()) {
            throw BusinessException.invalid("pointsToRedeem", "抵扣积分需为非负、可折算为整分，且不超过订单金额");
        }
        if (in.walletAmountCents() != null && !limits.amountInRange(in.walletAmountCents())) {
            throw BusinessException.invalid("walletAmountCents", "储值支付金额需在 0 到 " + yuan(limits.maxAmountCents()) + " 元之间");
        }
        Instant now = clock.instant();
        if (in.occurredAt() != null && !limits.inImportWindow(in.occurredAt(), now)) {
            throw BusinessException.invalid("occurredAt", in.occurredAt().isAfter(now) ? "下单时间不能晚于当前时间"
                    : "下单时间只能补录最近 " + limits.importBack().toDays() + " 天内的订单");
        }
        checkItems(in);
        String spends = spendingField(in);
        if (spends != null && in.memberCodeToken() == null && in.tillProof() == null) {
            throw new BusinessException(UserError.onInput(spends, ErrorCode.MEMBER_PROOF_REQUIRED,
                    "使用积分、优惠券或储值需会员在场：请扫描会员的动态会员码"));
        }
    }

    /** Lines, when given, are bounded and add up to the order's amount. */
    private void checkItems(RecordPurchaseInput in) {
        if (in.itemList().size() > limits.maxItems()) {
            throw BusinessException.invalid("items", "一笔订单最多 " + limits.maxItems() + " 行商品");
        }
        long total = 0;
        for (PurchaseItemInput item : in.itemList()) {
            if (item.sku() == null || item.sku().isBlank() || item.name() == null || item.name().isBlank()
                    || item.quantity() == null || item.quantity() <= 0 || item.quantity() > limits.maxQuantity()
                    || item.unitPriceCents() == null || !limits.amountInRange(item.unitPriceCents())) {
                throw BusinessException.invalid("items", "商品需有 SKU、名称、1 到 " + limits.maxQuantity()
                        + " 的数量和不超过 " + yuan(limits.maxAmountCents()) + " 元的非负单价");
            }
            total += item.quantity() * item.unitPriceCents();
        }
        if (!in.itemList().isEmpty() && total != in.amountCents()) {
            throw BusinessException.invalid("items", "商品合计 " + total + " 分，与订单金额 " + in.amountCents() + " 分不一致");
        }
    }

    /** The first input field that spends the member's points, coupons or stored value; null when none does. */
    private static String spendingField(RecordPurchaseInput in) {
        if (in.pointsToRedeem() != null && in.pointsToRedeem() != 0) {
            return "pointsToRedeem";
        }
        if (in.couponIds() != null && !in.couponIds().isEmpty()) {
            return "couponIds";
        }
        if (in.walletAmountCents() != null && in.walletAmountCents() != 0) {
            return "walletAmountCents";
        }
        return null;
    }

    private static String yuan(long cents) {
        return String.valueOf(cents / 100);
    }

    /** The order's lines as coupons see them. */
    private static List<OrderLine> lines(RecordPurchaseInput in) {
        return in.itemList().stream().map(i -> new OrderLine(i.category(), i.quantity() * i.unitPriceCents())).toList();
    }

}
