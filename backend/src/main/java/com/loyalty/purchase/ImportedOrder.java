package com.loyalty.purchase;

import java.time.Instant;
import java.util.List;

/**
 * An order of the brand's previous system (the order history import): the member, the store and its
 * order number (the natural key), when, how much, and the items when the file lists them.
 */
public record ImportedOrder(long memberId, long storeId, String orderNo, Instant occurredAt, long amountCents,
                            List<Item> items) {

    /** One line of the order. */
    public record Item(String name, int quantity, long unitPriceCents) {
    }
}
