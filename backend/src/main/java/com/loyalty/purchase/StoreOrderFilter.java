package com.loyalty.purchase;

import java.time.LocalDate;

/**
 * GraphQL input {@code StoreOrderFilter}: business days {@code from} to {@code to} (both included,
 * default today) and a {@code search} for an order number or the member who bought (phone or code).
 */
public record StoreOrderFilter(LocalDate from, LocalDate to, String search) {
}
