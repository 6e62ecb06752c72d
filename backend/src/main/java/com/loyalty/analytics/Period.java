package com.loyalty.analytics;

import java.time.LocalDate;

/** One period of a range: business days from start to end, both included. */
public record Period(LocalDate start, LocalDate end) {
}
