package com.loyalty.purchase;

import com.loyalty.member.Member;
import com.loyalty.shared.security.Viewer;
import java.time.Instant;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * What other features plug into purchases, each with its default when none does: a multiplier on the
 * points earned ({@link EarningMultipliers}; 1), another way to pay at the till ({@link TillPayment};
 * nothing paid that way) and the reactions to recorded purchases and refunds ({@link PurchaseEvents};
 * run one after another, in their order, inside the purchase's transaction).
 */
@Component
class PurchaseExtensions {

    private final ObjectProvider<EarningMultipliers> multipliers;
    private final ObjectProvider<TillPayment> tillPayment;
    private final ObjectProvider<PurchaseEvents> events;

    PurchaseExtensions(ObjectProvider<EarningMultipliers> multipliers, ObjectProvider<TillPayment> tillPayment,
                       ObjectProvider<PurchaseEvents> events) {
        this.multipliers = multipliers;
        this.tillPayment = tillPayment;
        this.events = events;
    }

    Mono<Double> multiplierFor(long memberId, Instant at) {
        EarningMultipliers multiplier = multipliers.getIfAvailable();
        return multiplier == null ? Mono.just(1.0) : multiplier.multiplierFor(memberId, at);
    }

    /** Holds what the order pays at the till besides the counter; {@link TillPayment#NONE} without a way to. */
    Mono<TillPayment.Held> hold(Viewer staff, long storeId, Member member, RecordPurchaseInput in, long payableCents,
                                Instant now) {
        TillPayment payment = tillPayment.getIfAvailable();
        return payment == null ? Mono.just(TillPayment.NONE) : payment.hold(staff, storeId, member, in, payableCents, now);
    }

    /** What the purchase paid at the till besides the counter, in cents. */
    Mono<Long> paidOtherwise(Purchase purchase) {
        TillPayment payment = tillPayment.getIfAvailable();
        return payment == null ? Mono.just(0L) : payment.paidOn(purchase);
    }

    Mono<Void> purchaseRecorded(Purchase purchase, Member member) {
        return Flux.fromStream(events::orderedStream).concatMap(e -> e.purchaseRecorded(purchase, member)).then();
    }

    Mono<Void> guestPurchaseRecorded(Purchase purchase) {
        return Flux.fromStream(events::orderedStream).concatMap(e -> e.guestPurchaseRecorded(purchase)).then();
    }

    Mono<Void> purchaseRefunded(Purchase purchase, Refund refund) {
        return Flux.fromStream(events::orderedStream).concatMap(e -> e.purchaseRefunded(purchase, refund)).then();
    }
}
