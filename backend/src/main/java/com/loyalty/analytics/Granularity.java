package com.loyalty.analytics;

/** How a date range is cut into periods: days, weeks starting Monday, or calendar months. */
public enum Granularity {
    DAY,
    WEEK,
    MONTH
}
