package com.loyalty.mall;

import com.loyalty.shared.EarlyAccessWindow;
import java.time.Instant;

/** Goods of the points mall under their current version of the terms, with the units left. */
public record MallGoods(
        long id,
        long brandId,
        Status status,
        Fulfilment fulfilment,
        StockScope stockScope,
        int version,
        String name,
        String description,
        String pictureUrl,
        long pointsPrice,
        long cashCents,
        Integer limitPerMember,
        LimitPeriod limitPeriod,
        int minTierLevel,
        Integer earlyAccessTierLevel,
        Instant earlyAccessFrom,
        Instant openFrom,
        int stockLeft,
        Integer earlyNoticeVersion,
        Instant updatedAt) {

    public enum Status { DRAFT, ON_SALE, PAUSED, ARCHIVED }

    public enum Fulfilment { PICKUP, DELIVERY }

    public enum StockScope { BRAND, STORE }

    public enum LimitPeriod { LIFETIME, MONTH }

    /** The stock row of brand-wide goods. */
    static final long BRAND_STOCK = 0L;

    public boolean tierOnly() {
        return minTierLevel > 0;
    }

    /** Whether a member of this tier level may redeem at {@code now}, as far as the schedule goes. */
    boolean openFor(int level, Instant now) {
        return window().openFor(earlyAccessTierLevel != null && level >= earlyAccessTierLevel, now);
    }

    /** In its early-access window at {@code now}. */
    boolean earlyAccessAt(Instant now) {
        return window().earlyAt(now);
    }

    private EarlyAccessWindow window() {
        return new EarlyAccessWindow(earlyAccessTierLevel == null ? null : earlyAccessFrom, openFrom);
    }

    /** The terms a version records, as the audit trail shows them. */
    Terms terms() {
        return new Terms(name, description, pictureUrl, pointsPrice, cashCents, limitPerMember, limitPeriod,
                minTierLevel, earlyAccessTierLevel, earlyAccessFrom, openFrom);
    }

    /** One version's terms. */
    record Terms(String name, String description, String pictureUrl, long pointsPrice, long cashCents,
                 Integer limitPerMember, LimitPeriod limitPeriod, int minTierLevel, Integer earlyAccessTierLevel,
                 Instant earlyAccessFrom, Instant openFrom) {
    }
}
