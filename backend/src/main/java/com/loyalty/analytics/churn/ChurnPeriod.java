package com.loyalty.analytics.churn;

import com.loyalty.analytics.shared.Ratios;
import java.time.LocalDate;

/**
 * Churn over one period: of the customers not churned the day before {@code start} (a purchase in
 * the churned-days window before it), those churned on {@code end} (no purchase in the window up to it).
 */
public record ChurnPeriod(LocalDate start, LocalDate end, long customers, long churned) {

    /** churned / customers; null without customers. */
    public Double rate() {
        return Ratios.rate(churned, customers);
    }

    /** Customers who were still buying at the end. */
    public long retained() {
        return customers - churned;
    }
}
