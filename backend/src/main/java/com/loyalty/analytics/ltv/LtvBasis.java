package com.loyalty.analytics.ltv;

import com.loyalty.analytics.churn.ChurnPeriod;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * What predictions rest on: the brand's churn over the last complete month and the expected
 * lifetime it gives, 1 / monthly churn capped at {@link #CAP_MONTHS} (the cap when nobody churned).
 */
record LtvBasis(Double monthlyChurnRate, BigDecimal lifetimeMonths) {

    static final int CAP_MONTHS = 36;

    static LtvBasis of(ChurnPeriod lastMonth) {
        if (lastMonth.churned() == 0) {
            return new LtvBasis(lastMonth.rate(), BigDecimal.valueOf(CAP_MONTHS));
        }
        BigDecimal months = BigDecimal.valueOf(lastMonth.customers())
                .divide(BigDecimal.valueOf(lastMonth.churned()), 6, RoundingMode.HALF_UP);
        return new LtvBasis(lastMonth.rate(), months.min(BigDecimal.valueOf(CAP_MONTHS)));
    }

    /** The expected lifetime in months. */
    public double expectedLifetimeMonths() {
        return lifetimeMonths.doubleValue();
    }
}
