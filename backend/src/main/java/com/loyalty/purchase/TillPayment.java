package com.loyalty.purchase;

import com.loyalty.member.Member;
import com.loyalty.shared.security.Viewer;
import java.time.Instant;
import reactor.core.publisher.Mono;

/**
 * A way to pay part of a purchase at the till besides the counter's own cash or card: the
 * stored-value card (wallet/). It runs inside the purchase's transaction, after the purchase checked
 * that the member is at the till (their code or a till proof) and that the amount is in range.
 */
public interface TillPayment {

    /** Nothing paid this way. */
    Held NONE = new Held(0, purchase -> Mono.empty());

    /**
     * Checks the payment the input asks for against {@code payableCents} (what is left to pay after
     * coupons and points) and holds it, before the purchase is written.
     */
    Mono<Held> hold(Viewer staff, long storeId, Member member, RecordPurchaseInput in, long payableCents, Instant now);

    /** What this way paid of the purchase, in cents (the rest was paid at the counter). */
    default Mono<Long> paidOn(Purchase purchase) {
        return Mono.just(0L);
    }

    /**
     * A held payment: {@code pointsFreeCents} of it earn no points, and {@code book} books it once
     * the purchase exists.
     */
    record Held(long pointsFreeCents, java.util.function.Function<Purchase, Mono<Void>> book) {
    }
}
