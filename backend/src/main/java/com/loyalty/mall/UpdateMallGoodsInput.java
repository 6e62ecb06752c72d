package com.loyalty.mall;

import java.time.Instant;
import java.util.List;

public record UpdateMallGoodsInput(Long goodsId, String name, String description, String pictureUrl, Long pointsPrice,
                                   Long cashCents, Integer stock, List<MallStoreStockInput> storeStocks,
                                   Integer limitPerMember, Boolean clearLimit, MallGoods.LimitPeriod limitPeriod,
                                   Integer minTierLevel, Integer earlyAccessTierLevel, Instant earlyAccessFrom,
                                   Instant openFrom, Boolean clearSchedule) {

    /** The goods' terms with this input's changes (fields left out keep theirs). */
    MallGoods.Terms applyTo(MallGoods g) {
        boolean clear = Boolean.TRUE.equals(clearSchedule);
        return new MallGoods.Terms(
                name != null ? name : g.name(),
                description != null ? description : g.description(),
                pictureUrl != null ? pictureUrl : g.pictureUrl(),
                pointsPrice != null ? pointsPrice : g.pointsPrice(),
                cashCents != null ? cashCents : g.cashCents(),
                Boolean.TRUE.equals(clearLimit) ? null : limitPerMember != null ? limitPerMember : g.limitPerMember(),
                limitPeriod != null ? limitPeriod : g.limitPeriod(),
                minTierLevel != null ? minTierLevel : g.minTierLevel(),
                clear ? null : earlyAccessTierLevel != null ? earlyAccessTierLevel : g.earlyAccessTierLevel(),
                clear ? null : earlyAccessFrom != null ? earlyAccessFrom : g.earlyAccessFrom(),
                clear ? null : openFrom != null ? openFrom : g.openFrom());
    }
}
