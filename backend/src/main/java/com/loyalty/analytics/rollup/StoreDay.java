package com.loyalty.analytics.rollup;

import java.time.LocalDate;

/** The additive numbers of one store's business day (store null: no store). */
public record StoreDay(LocalDate day, Long storeId, long memberOrders, long memberSalesCents, long guestOrders,
                       long guestSalesCents, long checkins, long pointsSpent, long phonesBound) {
}
