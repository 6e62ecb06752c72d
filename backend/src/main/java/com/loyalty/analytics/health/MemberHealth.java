package com.loyalty.analytics.health;

import java.time.YearMonth;

/**
 * The monthly member health check (会员健康度) of a store or the brand: new-member conversion,
 * high-value retention, points redemption activity and campaign participation, each beside the
 * month before.
 */
public record MemberHealth(YearMonth yearMonth, Long storeId, HealthCheckMetric newMemberConversion,
                           HealthCheckMetric highValueRetention, HealthCheckMetric pointsRedemption,
                           HealthCheckMetric campaignParticipation) {

    public String month() {
        return yearMonth.toString();
    }

    public String previousMonth() {
        return yearMonth.minusMonths(1).toString();
    }
}
