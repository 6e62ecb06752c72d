package com.loyalty.shared;

/** Formats integer cents as yuan for people: 5000 becomes ¥50.00. */
public final class Money {

    private Money() {
    }

    /** ¥50.00 for 5000, ¥-0.50 for -50 (built by hand: String.format cost more than the rest of a tier's progress). */
    public static String yuan(long cents) {
        long whole = Math.abs(cents / 100);
        long fraction = Math.abs(cents % 100);
        StringBuilder text = new StringBuilder(16).append('¥');
        if (cents < 0) {
            text.append('-');
        }
        text.append(whole).append('.');
        if (fraction < 10) {
            text.append('0');
        }
        return text.append(fraction).toString();
    }
}
