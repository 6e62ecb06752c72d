package com.loyalty.webhook;

import static com.loyalty.webhook.WebhookOutbox.data;
import static com.loyalty.webhook.WebhookOutbox.id;

import com.loyalty.member.Member;
import com.loyalty.member.MemberEvents;
import com.loyalty.points.NewEntry;
import com.loyalty.points.PointsEvents;
import com.loyalty.purchase.Purchase;
import com.loyalty.purchase.PurchaseEvents;
import com.loyalty.purchase.Refund;
import com.loyalty.shared.crypto.PhoneCipher;
import java.util.Map;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Turns the other modules' events into webhook events, in the transaction of the change (so the
 * outbox row commits or rolls back with it). Each payload's {@code data} is documented per event in
 * docs/integration.md "Webhooks"; it carries ids, amounts and times, never a full phone number.
 */
@Component
class WebhookPublishers implements MemberEvents, PurchaseEvents, PointsEvents {

    private final WebhookOutbox outbox;
    private final PhoneCipher phones;

    WebhookPublishers(WebhookOutbox outbox, PhoneCipher phones) {
        this.outbox = outbox;
        this.phones = phones;
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
}
