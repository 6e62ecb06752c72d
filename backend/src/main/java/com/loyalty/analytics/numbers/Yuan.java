package com.loyalty.analytics.numbers;

import java.math.BigDecimal;

/** Cents as yuan with two decimals, for the CSV reports (null stays null). */
final class Yuan {

    private Yuan() {
    }

    static BigDecimal of(Long cents) {
        return cents == null ? null : BigDecimal.valueOf(cents, 2);
    }
}
