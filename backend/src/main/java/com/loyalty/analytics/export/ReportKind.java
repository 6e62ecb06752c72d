package com.loyalty.analytics.export;

/**
 * The reports {@code exportReport} can produce, mirrored in schema/export.graphqls; each is built
 * by the {@link CsvReport} bean of that kind. Add new kinds at the end.
 */
public enum ReportKind {
    /** New members per period, by channel, with phones. */
    MEMBER_GROWTH,
    /** Active members, check-ins and points spent per period. */
    MEMBER_ACTIVITY,
    /** Orders, sales, members vs non-members and repurchase per period. */
    SALES
}
