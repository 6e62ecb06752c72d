package com.loyalty.mall;

import java.time.Instant;
import java.util.List;

public record CreateMallGoodsInput(String name, String description, String pictureUrl, Long pointsPrice,
                                   Long cashCents, MallGoods.Fulfilment fulfilment, MallGoods.StockScope stockScope,
                                   Integer stock, List<MallStoreStockInput> storeStocks, Integer limitPerMember,
                                   MallGoods.LimitPeriod limitPeriod, Integer minTierLevel,
                                   Integer earlyAccessTierLevel, Instant earlyAccessFrom, Instant openFrom) {
}
