package com.loyalty.analytics.health;

import com.loyalty.analytics.shared.Ratios;

/** One health-check rate for a month beside the month before: members / base, and the change in the rate. */
public record HealthCheckMetric(long members, long base, long previousMembers, long previousBase) {

    /** members / base, 0 to 1; null when the base is empty. */
    public Double rate() {
        return Ratios.rate(members, base);
    }

    public Double previousRate() {
        return Ratios.rate(previousMembers, previousBase);
    }

    /** rate - previousRate; null when either is null. */
    public Double change() {
        return rate() == null || previousRate() == null ? null : rate() - previousRate();
    }
}
