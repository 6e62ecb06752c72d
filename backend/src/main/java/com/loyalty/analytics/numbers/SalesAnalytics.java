package com.loyalty.analytics.numbers;

import java.util.List;

/** Sales over a range and per period. */
public record SalesAnalytics(Long storeId, SalesNumbers total, List<SalesNumbers> series) {
}
