package com.loyalty.webhook;

import static com.loyalty.webhook.WebhookOutbox.data;
import static com.loyalty.webhook.WebhookOutbox.id;

import com.loyalty.campaign.Campaign;
import com.loyalty.campaign.CampaignEvents;
import com.loyalty.coupon.CouponEvents;
import com.loyalty.coupon.CouponTemplate;
import com.loyalty.coupon.MemberCoupon;
import com.loyalty.member.Member;
import com.loyalty.member.MemberEvents;
import com.loyalty.points.NewEntry;
import com.loyalty.points.PointsEvents;
import com.loyalty.purchase.Purchase;
import com.loyalty.purchase.PurchaseEvents;
import com.loyalty.purchase.Refund;
import com.loyalty.shared.crypto.PhoneCipher;
import com.loyalty.tier.Tier;
import com.loyalty.tier.TierChange;
import com.loyalty.tier.TierEvents;
import com.loyalty.tier.TierService;
import com.loyalty.wallet.WalletChange;
import com.loyalty.wallet.WalletEvents;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Turns the other modules' events into webhook events, in the transaction of the change (so the
 * outbox row commits or rolls back with it). Each payload's {@code data} is documented per event in
 * docs/integration.md "Webhooks"; it carries ids, amounts and times, never a full phone number.
 */
@Component
class WebhookPublishers implements MemberEvents, PurchaseEvents, PointsEvents, TierEvents, CouponEvents, WalletEvents,
        CampaignEvents {

    private final WebhookOutbox outbox;
    private final PhoneCipher phones;
    private final TierService tiers;

    WebhookPublishers(WebhookOutbox outbox, PhoneCipher phones, TierService tiers) {
        this.outbox = outbox;
        this.phones = phones;
        this.tiers = tiers;
    }

    @Override
    public Mono<Void> memberRegistered(Member member) {
        return outbox.publish(member.brandId(), WebhookEventType.MEMBER_REGISTERED, member.registrationStoreId(),
                data("memberId", id(member.id()),
                        "registeredAt", outbox.time(member.registeredAt()),
                        "channel", member.registrationChannel() == null ? null : member.registrationChannel().name(),
                        "storeId", id(member.registrationStoreId()),
                        "phoneMasked", member.phoneCipher() == null ? null
                                : PhoneCipher.mask(phones.decrypt(member.phoneCipher())),
                        "invitedBy", id(member.inviterId())));
    }

    @Override
    public Mono<Void> purchaseRecorded(Purchase purchase, Member member) {
        return outbox.publish(purchase.brandId(), WebhookEventType.PURCHASE_RECORDED, purchase.storeId(),
                purchaseData(purchase));
    }

    @Override
    public Mono<Void> guestPurchaseRecorded(Purchase purchase) {
        return purchaseRecorded(purchase, null);
    }

    private Map<String, Object> purchaseData(Purchase p) {
        return data("purchaseId", id(p.id()),
                "memberId", id(p.memberId()),
                "storeId", id(p.storeId()),
                "orderNo", p.orderNo(),
                "channel", p.channel().name(),
                "occurredAt", outbox.time(p.occurredAt()),
                "amountCents", p.amountCents(),
                "couponDiscountCents", p.couponDiscountCents(),
                "tierDiscountCents", p.tierDiscountCents(),
                "pointsRedeemed", p.pointsRedeemed(),
                "redeemedCents", p.redeemedCents(),
                "paidCents", p.paidCents(),
                "pointsEarned", p.pointsEarned());
    }

    @Override
    public Mono<Void> purchaseRefunded(Purchase purchase, Refund refund) {
        return outbox.publish(purchase.brandId(), WebhookEventType.PURCHASE_REFUNDED, purchase.storeId(),
                data("refundId", id(refund.id()),
                        "refundNo", refund.refundNo(),
                        "purchaseId", id(purchase.id()),
                        "orderNo", purchase.orderNo(),
                        "memberId", id(purchase.memberId()),
                        "storeId", id(purchase.storeId()),
                        "amountCents", refund.amountCents(),
                        "refundedCentsTotal", purchase.refundedCents(),
                        "pointsReversed", refund.pointsReversed(),
                        "pointsReturned", refund.pointsReturned(),
                        "couponsReturned", refund.couponsReturned(),
                        "createdAt", outbox.time(refund.createdAt())));
    }

    @Override
    public Mono<Void> pointsChanged(NewEntry entry, long delta, long balance) {
        return outbox.publish(entry.brandId(), WebhookEventType.POINTS_CHANGED, entry.storeId(),
                data("memberId", id(entry.memberId()),
                        "delta", delta,
                        "balance", balance,
                        "kind", entry.kind().name(),
                        "storeId", id(entry.storeId()),
                        "purchaseId", id(entry.purchaseId()),
                        "refundId", id(entry.refundId()),
                        "occurredAt", outbox.time(entry.at())));
    }

    @Override
    public Mono<Void> tierChanged(long brandId, TierChange change) {
        List<Tier> levels = tiers.tiersAt(change.changedAt());
        return outbox.publish(brandId, WebhookEventType.TIER_CHANGED, null,
                data("memberId", id(change.memberId()),
                        "fromLevel", change.fromLevel(),
                        "fromName", name(levels, change.fromLevel()),
                        "toLevel", change.toLevel(),
                        "toName", name(levels, change.toLevel()),
                        "direction", change.toLevel() > change.fromLevel() ? "UP" : "DOWN",
                        "reason", change.reason(),
                        "changedAt", outbox.time(change.changedAt())));
    }

    private static String name(List<Tier> levels, int level) {
        return levels.stream().filter(t -> t.level() == level).map(Tier::name).findFirst().orElse(null);
    }

    @Override
    public Mono<Void> couponIssued(MemberCoupon coupon, CouponTemplate template, String source) {
        return outbox.publish(template.brandId(), WebhookEventType.COUPON_ISSUED, null,
                data("couponId", id(coupon.id()),
                        "memberId", id(coupon.memberId()),
                        "templateId", id(template.id()),
                        "templateName", template.name(),
                        "kind", template.kind().name(),
                        "source", source,
                        "validFrom", outbox.time(coupon.validFrom()),
                        "validUntil", outbox.time(coupon.validUntil()),
                        "issuedAt", outbox.time(coupon.obtainedAt())));
    }

    @Override
    public Mono<Void> couponRedeemed(MemberCoupon coupon, CouponTemplate template, long purchaseId, Long storeId) {
        return outbox.publish(template.brandId(), WebhookEventType.COUPON_REDEEMED, storeId,
                data("couponId", id(coupon.id()),
                        "memberId", id(coupon.memberId()),
                        "templateId", id(template.id()),
                        "templateName", template.name(),
                        "purchaseId", id(purchaseId),
                        "storeId", id(storeId),
                        "usedAt", outbox.time(coupon.usedAt())));
    }

    @Override
    public Mono<Void> walletChanged(WalletChange change) {
        return outbox.publish(change.brandId(), WebhookEventType.WALLET_CHANGED, change.storeId(),
                data("memberId", id(change.memberId()),
                        "kind", change.kind(),
                        "storeId", id(change.storeId()),
                        "purchaseId", id(change.purchaseId()),
                        "rechargeId", id(change.rechargeId()),
                        "principalDeltaCents", change.principalDeltaCents(),
                        "bonusDeltaCents", change.bonusDeltaCents(),
                        "principalCents", change.principalCents(),
                        "bonusCents", change.bonusCents(),
                        "balanceCents", change.principalCents() + change.bonusCents(),
                        "occurredAt", outbox.time(change.at())));
    }

    @Override
    public Mono<Void> campaignEnded(Campaign campaign) {
        return outbox.publish(campaign.brandId(), WebhookEventType.CAMPAIGN_ENDED, null,
                data("campaignId", id(campaign.id()),
                        "name", campaign.name(),
                        "kind", campaign.kind() == null ? null : campaign.kind().name(),
                        "benefit", campaign.benefit() == null ? null : campaign.benefit().name(),
                        "startsAt", outbox.time(campaign.startsAt()),
                        "endsAt", outbox.time(campaign.endsAt()),
                        "endedAt", outbox.time(campaign.endedAt())));
    }
}
