package com.loyalty.analytics.numbers;

import java.util.List;

/** Member growth over a range: the total, the range just before, the growth rate, per period, channel and store. */
public record MemberGrowth(Long storeId, GrowthNumbers total, GrowthNumbers previous, Double growthRate,
                           List<GrowthNumbers> series, List<ChannelGrowth> byChannel, List<StoreGrowth> byStore) {
}
