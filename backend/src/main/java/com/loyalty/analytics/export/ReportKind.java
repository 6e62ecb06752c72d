package com.loyalty.analytics.export;

/**
 * The reports {@code exportReport} can produce, mirrored in schema/analytics-export.graphqls; each is built
 * by the {@link CsvReport} bean of that kind. Add new kinds at the end.
 */
public enum ReportKind {
    /** New members per period, by channel, with phones. */
    MEMBER_GROWTH,
    /** Active members, check-ins and points spent per period. */
    MEMBER_ACTIVITY,
    /** Orders, sales, members vs non-members and repurchase per period. */
    SALES,
    /** Customers, churned and churn rate per period. */
    CHURN,
    /** Members per tier at each period's end and the tier moves of each month. */
    TIERS,
    /** Points issued, redeemed, expired, refunded and adjusted per period; liability and expiries. */
    POINTS_ECONOMY,
    /** Coupons per period and template, and campaign returns. */
    COUPONS,
    /** Lifetime value per RFM segment, stage and tag, and the top 100 members. */
    LIFETIME_VALUE,
    /** The member health check of each month the range touches. */
    MEMBER_HEALTH,
    /** Member events that start in the range, each with its numbers, and the total. */
    MEMBER_EVENTS
}
