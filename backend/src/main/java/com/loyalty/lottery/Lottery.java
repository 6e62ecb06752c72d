package com.loyalty.lottery;

import java.time.Instant;

/** A lottery: its rules, limits, budget and what the budget has given so far. */
public record Lottery(long id, long brandId, String title, String rulesText, Instant startsAt, Instant endsAt,
                      long costPoints, int dailyLimit, Integer totalLimit, long budgetPoints, long budgetCoupons,
                      long pointsGiven, long couponsGiven, Status status, long createdBy, Instant createdAt,
                      Instant updatedAt) {

    public enum Status { DRAFT, RUNNING, PAUSED, ENDED }

    /** Whether members may draw at {@code at}: RUNNING and within its window. */
    boolean openAt(Instant at) {
        return status == Status.RUNNING && !at.isBefore(startsAt) && at.isBefore(endsAt);
    }

    /** Whether the budget can still give this prize. */
    boolean budgetAllows(Prize prize) {
        return switch (prize.kind()) {
            case POINTS -> pointsGiven + prize.points() <= budgetPoints;
            case COUPON -> couponsGiven + 1 <= budgetCoupons;
            case NOTHING -> true;
        };
    }
}
