package com.loyalty.tag;

/**
 * One condition of a rule tag; which numbers apply depends on the kind. Windows are the last
 * {@code withinDays} business days up to and including the day of the recompute. Orders count at
 * their amount net of refunds; orders refunded in full do not count.
 *
 * @param category   CATEGORY_PURCHASES: an item of the order is in this category
 * @param minCount   CATEGORY_PURCHASES, PURCHASE_COUNT: at least this many orders
 * @param minCents   AVERAGE_ORDER_VALUE, TOTAL_SPEND: at least this much
 * @param withinDays the window of the kinds above
 * @param days       NO_PURCHASE_FOR: no order in this many days (and a member for longer)
 */
public record TagCondition(Kind kind, String category, Integer minCount, Long minCents, Integer withinDays,
                           Integer days) {

    /** The closed set of things a rule can ask about a member. */
    public enum Kind {
        CATEGORY_PURCHASES, AVERAGE_ORDER_VALUE, TOTAL_SPEND, PURCHASE_COUNT, BIRTHDAY_THIS_MONTH, NO_PURCHASE_FOR
    }
}
