package com.loyalty.shared;

/** Formats integer cents as yuan for people: 5000 becomes ¥50.00. */
public final class Money {

    private Money() {
    }

    public static String yuan(long cents) {
        return String.format("¥%d.%02d", cents / 100, Math.abs(cents % 100));
    }
}
