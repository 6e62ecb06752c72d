package com.loyalty.mall;

import java.time.Instant;

/**
 * A member's redemption of goods: {@code quantity} units at the unit price ({@code pointsPrice},
 * {@code cashCents}) of the version it was made under.
 */
public record MallRedemption(
        long id,
        long brandId,
        long goodsId,
        int version,
        long memberId,
        State state,
        String name,
        String pictureUrl,
        long pointsPrice,
        long cashCents,
        MallGoods.Fulfilment fulfilment,
        long stockStoreId,
        Long pickupStoreId,
        String pickupCode,
        Instant pickupBy,
        Instant pickedUpAt,
        Long cashCollectedCents,
        byte[] addressCipher,
        String addressMasked,
        String trackingNumber,
        Instant shippedAt,
        Instant cancelledAt,
        String cancelReason,
        int quantity,
        Source source,
        Instant createdAt) {

    /** How the member came by it: bought with points, or won in a lottery draw (0 points, any store). */
    public enum Source { REDEEM, LOTTERY }

    /** The points paid for all its units. */
    public long pointsTotal() {
        return pointsPrice * quantity;
    }

    /** The cash paid at the till for all its units. */
    public long cashTotalCents() {
        return cashCents * quantity;
    }

    public enum State {
        AWAITING_PICKUP, AWAITING_SHIPMENT, PICKED_UP, SHIPPED, CANCELLED, EXPIRED;

        /** Still to be handed over: may be cancelled or expire. */
        boolean open() {
            return this == AWAITING_PICKUP || this == AWAITING_SHIPMENT;
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MallRedemption r && r.id == id;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(id);
    }

    @Override
    public String toString() {
        return "MallRedemption[" + id + " " + state + "]";
    }
}
