package com.loyalty.segment;

import java.time.Instant;
import java.util.List;

/** What a member has bought: totals net of refunds, and where and what they buy most. */
public record PurchaseSummary(long orders, long totalCents, Long averageOrderCents, Instant lastPurchaseAt,
                              List<CategoryCount> favouriteCategories, List<StoreCount> favouriteStores) {

    /** A category and how many of the member's orders contained it. */
    public record CategoryCount(String category, long orders, long spendCents) {
    }

    /** A store and how many of the member's orders were there. */
    public record StoreCount(long storeId, String storeName, long orders) {
    }
}
