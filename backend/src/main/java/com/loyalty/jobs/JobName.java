package com.loyalty.jobs;

/** The jobs that run on a schedule and can be run by hand. */
public enum JobName {
    POINTS_EXPIRY,
    TIER_REVIEW,
    COUPON_REMINDERS
}
