package com.loyalty.coupon;

/** What a coupon needs to know of an order line: its category and amount. */
public record OrderLine(String category, long amountCents) {
}
