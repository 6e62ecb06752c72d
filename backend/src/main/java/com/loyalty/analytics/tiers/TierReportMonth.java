package com.loyalty.analytics.tiers;

import java.time.YearMonth;

/**
 * Tier moves of one month: members the monthly review looked at, upgrades and downgrades it made,
 * and upgrades right after a purchase.
 */
public record TierReportMonth(YearMonth yearMonth, long reviewed, long reviewUpgrades, long reviewDowngrades,
                              long instantUpgrades) {

    /** The month as YYYY-MM. */
    public String month() {
        return yearMonth.toString();
    }

    public long upgrades() {
        return reviewUpgrades + instantUpgrades;
    }

    public long downgrades() {
        return reviewDowngrades;
    }
}
