package com.loyalty.purchase;

import java.time.Duration;
import java.time.Instant;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Bounds on what a till may send (docs/api.md "Limits"), so that no sum of them overflows.
 *
 * @param maxAmountCents  the largest order, refund, line amount, unit price or stored-value payment
 *                        (default 10 million yuan)
 * @param maxQuantity     the largest quantity on one line
 * @param maxItems        the most lines in one order
 * @param maxPoints       the most points one order may redeem (and one recharge package may give)
 * @param importBack      how far in the past {@code occurredAt} may lie (importing past orders)
 * @param importAhead     how far in the future {@code occurredAt} may lie (clocks of tills differ)
 */
@ConfigurationProperties("loyalty.purchase")
public record PurchaseProperties(
        @DefaultValue("1000000000") long maxAmountCents,
        @DefaultValue("10000") int maxQuantity,
        @DefaultValue("500") int maxItems,
        @DefaultValue("1000000000") long maxPoints,
        @DefaultValue("90d") Duration importBack,
        @DefaultValue("5m") Duration importAhead) {

    /** True when {@code cents} is between 0 and the largest amount. */
    public boolean amountInRange(long cents) {
        return cents >= 0 && cents <= maxAmountCents;
    }

    /** True when an order that happened at {@code at} may be recorded {@code now}. */
    public boolean inImportWindow(Instant at, Instant now) {
        return !at.isBefore(now.minus(importBack)) && !at.isAfter(now.plus(importAhead));
    }
}
