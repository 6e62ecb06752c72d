package com.loyalty.analytics.ltv;

/** The members of one group (segment, stage or tag) and their historical and predicted value. */
public record LtvSegment(String key, String label, long members, long historicalValueCents, long predictedValueCents) {

    public long averageHistoricalValueCents() {
        return members == 0 ? 0 : historicalValueCents / members;
    }

    public long averagePredictedValueCents() {
        return members == 0 ? 0 : predictedValueCents / members;
    }

    public long lifetimeValueCents() {
        return historicalValueCents + predictedValueCents;
    }
}
