package com.loyalty.privacy;

/** One section of a member's data export (orders, points ledger...): its name and its records as a JSON array. */
public record ExportSection(String name, String json) {
}
