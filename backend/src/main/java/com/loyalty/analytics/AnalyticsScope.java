package com.loyalty.analytics;

/** Whose numbers: a brand, and one of its stores or (storeId null) the whole brand. */
public record AnalyticsScope(long brandId, Long storeId) {

    public boolean wholeBrand() {
        return storeId == null;
    }
}
