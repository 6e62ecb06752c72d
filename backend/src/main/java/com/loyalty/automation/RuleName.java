package com.loyalty.automation;

/** The automation rules a brand can switch on and tune. */
public enum RuleName {
    /** Last purchase 30 days ago: a coupon and a message with popular items. */
    DORMANT_30,
    /** Last purchase 60 days ago: a larger pack and a message. */
    DORMANT_60,
    /** The 60-day pack still unused after 7 days: a call for the member's store. */
    PACK_FOLLOW_UP,
    /** The birth month: a birthday coupon and a greeting on the day. */
    BIRTHDAY,
    /** A member's usual interval for a category is about to pass: a reminder. */
    REPURCHASE
}
