package com.loyalty.points;

/** The rules that decide how many points a purchase earns. */
public enum EarnRule {
    /** Points per yuan paid. */
    BASE,
    /** SKU multipliers on the items' share of the base points. */
    SKU,
    /** Category multipliers on the items' share of the base points. */
    CATEGORY,
    /** The member's tier multiplier. */
    TIER,
    /** Member day of the month. */
    MEMBER_DAY,
    /** The member's birthday day, week or month. */
    BIRTHDAY,
    /** A campaign the member is in. */
    CAMPAIGN
}
