package com.loyalty.mall;

import java.time.Instant;

/** A member's redemption of goods, with the terms (version, price) it was made under. */
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
        Instant createdAt) {

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
