package com.loyalty.points;

/** One step of an order's earning: the rule, its factor and the points it added. */
public record EarnLine(EarnRule rule, double factor, long points) {
}
