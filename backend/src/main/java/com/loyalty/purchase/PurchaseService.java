package com.loyalty.purchase;

import com.loyalty.coupon.AppliedCoupons;
import com.loyalty.coupon.CouponRedemption;
import com.loyalty.coupon.OrderLine;
import com.loyalty.member.Member;
import com.loyalty.member.MemberService;
import com.loyalty.membercode.MemberCodeService;
import com.loyalty.points.Earning;
import com.loyalty.points.EarningItem;
import com.loyalty.points.EarningRules;
import com.loyalty.points.EntryKind;
import com.loyalty.points.NewEntry;
import com.loyalty.points.PointsService;
import com.loyalty.programme.ProgramRules;
import com.loyalty.programme.ProgramRulesService;
import com.loyalty.shared.Zip;
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
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Records purchases at the till: points paid at the till come off the soonest-expiring buckets,
 * points earned on the amount paid go into a new bucket. Store + order number is the
 * idempotency key: a repeat returns the first result and changes nothing. An order naming no
 * member is a guest (non-member) order, recorded by {@link GuestPurchases}.
 * <p>
 * A member's new order runs these steps in one transaction, under the member's points and tier locks:
 * {@link #checkMember}, {@link #priceOrder}, {@link #payAtTill}, {@link #writePurchase},
 * {@link #payWithPoints}, {@link #earnPoints}, {@link #reviewTier}, {@link #auditPurchase} and
 * {@link #notifyReactions}; other features take part through {@link PurchaseExtensions}.
 */
@Service
public class PurchaseService {

    /** The machine client's scope for redeeming coupons in a purchase (client module's ApiClientScopes). */
    static final String COUPONS_REDEEM = "coupons:redeem";

    private final PurchaseChecks checks;
    private final StoreScope storeScope;
    private final MemberService members;
    private final MemberCodeService memberCodes;
    private final PurchaseRepository purchases;
    private final PointsService points;
    private final EarningRules earningRules;
    private final ProgramRulesService programme;
    private final TierService tiers;
    private final CouponRedemption coupons;
    private final PurchaseExtensions extensions;
    private final StaffAuditLog audit;
    private final GuestPurchases guests;
    private final BrandProperties brand;
    private final Clock clock;
    private final TransactionalOperator tx;

    PurchaseService(PurchaseChecks checks, StoreScope storeScope, MemberService members, MemberCodeService memberCodes,
                    PurchaseRepository purchases, PointsService points, EarningRules earningRules,
                    ProgramRulesService programme, TierService tiers,
                    CouponRedemption coupons, PurchaseExtensions extensions, StaffAuditLog audit, GuestPurchases guests,
                    BrandProperties brand, Clock clock, TransactionalOperator tx) {
        this.checks = checks;
        this.storeScope = storeScope;
        this.members = members;
        this.memberCodes = memberCodes;
        this.purchases = purchases;
        this.points = points;
        this.earningRules = earningRules;
        this.programme = programme;
        this.tiers = tiers;
        this.coupons = coupons;
        this.extensions = extensions;
        this.audit = audit;
        this.guests = guests;
        this.brand = brand;
        this.clock = clock;
        this.tx = tx;
    }

    public Mono<RecordPurchasePayload> record(Viewer staff, RecordPurchaseInput input) {
        return Mono.fromRunnable(() -> checks.check(input))
                .then(Mono.fromRunnable(() -> checkClient(staff, input)))
                .then(storeScope.openStoreFor(staff, input.storeId()))
                .flatMap(storeId -> replayBeforeTheMember(storeId, input)
                        .switchIfEmpty(Mono.defer(() -> input.guest() ? guests.record(staff, storeId, input)
                                : checkMember(staff, storeId, input).flatMap(this::recordNew))));
    }

    /**
     * A resent order paid with the member's scanned code or a till proof is replayed before the
     * member is looked up, since the first send used that code up. An order by member id needs no
     * such look: {@link #recordNew} replays it under the member's lock.
     */
    private Mono<RecordPurchasePayload> replayBeforeTheMember(long storeId, RecordPurchaseInput input) {
        boolean byIdOnly = !input.guest() && input.memberCodeToken() == null && input.tillProof() == null;
        return byIdOnly ? Mono.empty() : replay(storeId, input.orderNo());
    }

    /**
     * What a machine client (a POS, the shop) may not send: coupons without the coupons:redeem scope
     * (FORBIDDEN), and a till proof, which only a staff member's own scan gives (the POS sends the
     * member's scanned code itself).
     */
    private static void checkClient(Viewer caller, RecordPurchaseInput input) {
        if (!caller.isClient()) {
            return;
        }
        if (input.couponIds() != null && !input.couponIds().isEmpty() && !caller.hasScope(COUPONS_REDEEM)) {
            throw new org.springframework.security.access.AccessDeniedException("coupons need the coupons:redeem scope");
        }
        if (input.tillProof() != null) {
            throw BusinessException.invalid("tillProof", "API 客户端请直接提交会员码（memberCodeToken）");
        }
    }

    /**
     * Records the member's order under their lock. The same order sent again while the first send
     * was in flight (a double tap, a retry) waited for that lock: an order that spends finds it
     * recorded and replays it, before pricing it again would find the coupons used, the points or
     * the card already spent (and tell the clerk so, for an order that is paid). An order that only
     * earns is priced again, and its insert, finding the order, replays it: one statement fewer for
     * every first send.
     */
    private Mono<RecordPurchasePayload> recordNew(MemberAtTill till) {
        return points.lock(till.memberId())
                .then(till.in().spendingField() == null ? Mono.empty() : replay(till.storeId(), till.in().orderNo()))
                .switchIfEmpty(Mono.defer(() -> priceOrder(till)
                        .flatMap(this::payAtTill)
                        .flatMap(this::writePurchase)
                        .flatMap(recorded -> payWithPoints(recorded)
                                .then(earnPoints(recorded))
                                .then(reviewTier(recorded))
                                .then(auditPurchase(recorded))
                                .then(notifyReactions(recorded))
                                .thenReturn(RecordPurchasePayload.of(recorded.purchase(), false)))
                        // a concurrent request recorded the order first
                        .switchIfEmpty(Mono.defer(() -> replay(till.storeId(), till.in().orderNo())))))
                .as(tx::transactional);
    }

    /** The store's order as first recorded, replayed; empty when the store has no such order. */
    private Mono<RecordPurchasePayload> replay(long storeId, String orderNo) {
        return purchases.findByOrder(storeId, orderNo).map(existing -> RecordPurchasePayload.of(existing, true));
    }

    /**
     * A member's order at the till, its input checked and its member found; {@code now} is when it
     * is recorded, {@code rules} the programme rules in force when it happened (never later ones).
     */
    private record MemberAtTill(Viewer staff, long storeId, Member member, RecordPurchaseInput in, Instant now,
                                ProgramRules rules) {

        long memberId() {
            return member.id();
        }

        /** When the order happened: as the till says (an order imported later), else now. */
        Instant occurredAt() {
            return in.occurredAt() == null ? now : in.occurredAt();
        }

        long pointsToRedeem() {
            return in.pointsToRedeem() == null ? 0 : in.pointsToRedeem();
        }

        Purchase.Channel channel() {
            return in.channel() == null ? Purchase.Channel.STORE : in.channel();
        }

        /** The order's lines as coupons see them. */
        List<OrderLine> orderLines() {
            return in.itemList().stream().map(i -> new OrderLine(i.category(), i.quantity() * i.unitPriceCents())).toList();
        }

        /** The order's lines as earning sees them (SKU and category multipliers). */
        List<EarningItem> earningItems() {
            return in.itemList().stream()
                    .map(i -> new EarningItem(i.sku(), i.category(), i.quantity() * i.unitPriceCents())).toList();
        }
    }

    /**
     * The order priced: the member's tier (locked until the transaction ends) and any campaign
     * multiplier it earns at, the coupons it uses, the tier discount on what the coupons leave and
     * the cents its points pay.
     */
    private record PricedOrder(MemberAtTill till, TierService.Locked tier, double campaignMultiplier,
                               AppliedCoupons coupons, long tierDiscountCents, long redeemedCents) {

        /** What is left to pay after coupons, the tier discount and points. */
        long payableCents() {
            return till.in().amountCents() - coupons.discountCents() - tierDiscountCents - redeemedCents;
        }
    }

    /** The priced order with what it pays at the till besides the counter held (the stored-value card). */
    private record PaidOrder(PricedOrder priced, TillPayment.Held held) {
    }

    /** The purchase as written, with the member's order and tier lock it was written under. */
    private record RecordedPurchase(MemberAtTill till, TierService.Locked tier, Purchase purchase) {

        /** The ledger entry of the purchase's points, earned or redeemed. */
        NewEntry ledgerEntry(long brandId, EntryKind kind) {
            return new NewEntry(brandId, till.memberId(), kind, purchase.id(), null, till.storeId(), till.staff().staffId(),
                    null, null, till.now());
        }
    }

    /**
     * The member of the order: by their code or the proof of a scan (present, so they may spend),
     * or by id (earns only: {@link PurchaseChecks} refused spending without the member).
     */
    private Mono<MemberAtTill> checkMember(Viewer staff, long storeId, RecordPurchaseInput in) {
        Instant now = clock.instant();
        Instant occurredAt = in.occurredAt() == null ? now : in.occurredAt();
        return memberOf(staff, storeId, in).map(member -> new MemberAtTill(staff, storeId, member, in, now,
                programme.rulesAt(occurredAt)));
    }

    private Mono<Member> memberOf(Viewer staff, long storeId, RecordPurchaseInput in) {
        String order = "order:" + storeId + ":" + in.orderNo();
        if (in.memberCodeToken() != null) {
            return memberCodes.redeem(staff, in.memberCodeToken(), order);
        }
        if (in.tillProof() != null) {
            return memberCodes.proven(staff, storeId, in.tillProof(), order)
                    .filter(member -> in.memberId() == null || in.memberId() == member.id())
                    .switchIfEmpty(Mono.error(() -> new BusinessException(UserError.onInput("tillProof",
                            ErrorCode.MEMBER_PROOF_INVALID, "扫码凭证属于另一位会员，请重新扫描会员码"))));
        }
        return members.requireInBrand(staff.brandId(), in.memberId(), "memberId");
    }

    /**
     * Locks the member's tier, finds any campaign multiplier, applies the coupons and then the tier
     * discount (of the rules in force when the order happened) on what the coupons leave; the points
     * to redeem may not pay more than what is left to pay.
     */
    private Mono<PricedOrder> priceOrder(MemberAtTill till) {
        long redeemedCents = till.rules().centsFor(till.pointsToRedeem());
        return Zip.of(tiers.lock(till.memberId(), till.occurredAt()),
                        extensions.multiplierFor(till.memberId(), till.occurredAt()),
                        coupons.apply(till.memberId(), till.storeId(), till.channel() == Purchase.Channel.ONLINE,
                                till.in().amountCents(), till.orderLines(), till.in().couponIds(), till.now()),
                        (tier, campaignMultiplier, applied) -> new PricedOrder(till, tier, campaignMultiplier, applied,
                                tier.tier().discountOn(till.in().amountCents() - applied.discountCents()), redeemedCents))
                .flatMap(priced -> priced.payableCents() < 0
                        ? Mono.error(BusinessException.invalid("pointsToRedeem", "积分抵扣不能超过用券和会员折扣后的应付金额"))
                        : Mono.just(priced));
    }

    /** Holds what the order pays at the till besides the counter, out of what is left to pay. */
    private Mono<PaidOrder> payAtTill(PricedOrder priced) {
        MemberAtTill till = priced.till();
        return extensions.hold(till.staff(), till.storeId(), till.member(), till.in(), priced.payableCents(), till.now())
                .map(held -> new PaidOrder(priced, held));
    }

    /**
     * Writes the purchase with the points it earns, marks its coupons used and books the held till
     * payment; empty when the store has the order already (a concurrent request wrote it).
     */
    private Mono<RecordedPurchase> writePurchase(PaidOrder paid) {
        PricedOrder priced = paid.priced();
        MemberAtTill till = priced.till();
        // earned at the member's tier before this purchase, times any campaign multiplier
        Earning earning = earningRules.earn(till.rules(), priced.payableCents() - paid.held().pointsFreeCents(),
                till.earningItems(), till.occurredAt(), brand.zone(), till.member().birthday(),
                priced.tier().tier().pointsMultiplier(), priced.campaignMultiplier());
        return purchases.insertIfAbsent(brand.id(), till.storeId(), till.memberId(), till.in(), till.channel(),
                        till.pointsToRedeem(), priced.redeemedCents(), priced.coupons().discountCents(),
                        priced.tierDiscountCents(), till.occurredAt(), till.staff().staffId(), till.staff().clientId(), earning)
                .flatMap(purchase -> coupons.markUsed(till.memberId(), priced.coupons(), purchase.id(), purchase.storeId(), till.now())
                        .then(paid.held().book().apply(purchase))
                        .thenReturn(new RecordedPurchase(till, priced.tier(), purchase)));
    }

    /** Takes the points paid at the till off the member's soonest-expiring grants. */
    private Mono<Void> payWithPoints(RecordedPurchase recorded) {
        long redeem = recorded.till().pointsToRedeem();
        return redeem > 0 ? points.debit(recorded.ledgerEntry(brand.id(), EntryKind.REDEEM), redeem, null, false).then()
                : Mono.empty();
    }

    /** Grants the points the purchase earned, expiring as counted from when it happened. */
    private Mono<Void> earnPoints(RecordedPurchase recorded) {
        Purchase purchase = recorded.purchase();
        return purchase.pointsEarned() > 0
                ? points.credit(recorded.ledgerEntry(brand.id(), EntryKind.EARN), purchase.pointsEarned(),
                        points.expiryFor(purchase.occurredAt())).then()
                : Mono.empty();
    }

    /** Lets the purchase lift the member's tier at once. */
    private Mono<Void> reviewTier(RecordedPurchase recorded) {
        Purchase purchase = recorded.purchase();
        return tiers.upgradeAfterPurchase(recorded.tier(), purchase.occurredAt(), purchase.amountCents());
    }

    private Mono<Void> auditPurchase(RecordedPurchase recorded) {
        MemberAtTill till = recorded.till();
        return audit.record(till.staff(), till.storeId(), "RECORD_PURCHASE", till.memberId(),
                till.in().orderNo() + " " + till.in().amountCents() + " cents");
    }

    /** Tells the features that react to purchases (tags, segments, referrals, the stored-value card, analytics). */
    private Mono<Void> notifyReactions(RecordedPurchase recorded) {
        return extensions.purchaseRecorded(recorded.purchase(), recorded.till().member());
    }
}
