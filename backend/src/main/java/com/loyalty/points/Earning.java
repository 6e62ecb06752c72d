package com.loyalty.points;

import java.util.List;

/** The points a purchase earns and why. */
public record Earning(long points, List<EarnLine> breakdown) {
}
