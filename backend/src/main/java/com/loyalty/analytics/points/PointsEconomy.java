package com.loyalty.analytics.points;

import java.util.List;

/**
 * The points economy of a store or the brand: points moved over the range (in total and per period),
 * what members hold now (the liability) with its cash value, and what expires in the next 30/60/90 days.
 */
public record PointsEconomy(Long storeId, PointsFlow total, List<PointsFlow> series, long liability,
                            long liabilityCents, List<PointsExpiring> expiring) {
}
