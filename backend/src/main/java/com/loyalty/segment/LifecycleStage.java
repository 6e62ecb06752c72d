package com.loyalty.segment;

/** Where a member is in their life with the brand, from their purchase rhythm. */
public enum LifecycleStage {
    /** Registered recently with at most one purchase. */
    NEW,
    /** Buying at their usual rhythm. */
    ACTIVE,
    /** The gap since the last purchase is well above the member's usual interval. */
    DECLINING,
    /** No purchase for 30+ days. */
    DORMANT,
    /** No purchase for 90+ days. */
    CHURNED
}
