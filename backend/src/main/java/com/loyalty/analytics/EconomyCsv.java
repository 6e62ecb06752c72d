package com.loyalty.analytics;

import java.math.BigDecimal;

/** Cell helpers for the economy CSV reports: cents as yuan with two decimals (null stays null). */
final class EconomyCsv {

    private EconomyCsv() {
    }

    static BigDecimal yuan(Long cents) {
        return cents == null ? null : BigDecimal.valueOf(cents, 2);
    }
}
