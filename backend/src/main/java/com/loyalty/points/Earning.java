package com.loyalty.points;

import java.util.List;

/** The points a purchase earns, why, and the rules version it earned under (null: none, a guest order). */
public record Earning(long points, List<EarnLine> breakdown, Integer rulesVersion) {
}
