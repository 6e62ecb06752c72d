package com.loyalty.analytics.numbers;

import java.util.List;

/** Member activity over a range and per period. */
public record MemberActivity(Long storeId, ActivityNumbers total, List<ActivityNumbers> series) {
}
