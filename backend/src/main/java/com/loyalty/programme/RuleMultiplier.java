package com.loyalty.programme;

/** A points multiplier on the items of a category or a SKU. */
public record RuleMultiplier(String key, double factor) {
}
