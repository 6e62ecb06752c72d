package com.loyalty.lottery;

import java.time.Instant;

/** A lottery: its rules, limits, budget and what the budget has given so far. */
public record Lottery(long id, long brandId, String title, String rulesText, Instant startsAt, Instant endsAt,
                      long costPoints, int dailyLimit, Integer totalLimit, long budgetPoints, long budgetCoupons,
                      long pointsGiven, long couponsGiven, Status status, long createdBy, Instant createdAt,
                      Instant updatedAt) {

    public enum Status { DRAFT, RUNNING, PAUSED, ENDED }

    /**
     * The status as of {@code at}: a RUNNING or PAUSED lottery whose end time has passed is ENDED,
     * whether or not the LOTTERY_END job has recorded it yet.
     */
    Status statusAt(Instant at) {
        return (status == Status.RUNNING || status == Status.PAUSED) && !at.isBefore(endsAt) ? Status.ENDED : status;
    }

    /** This lottery with its status as of {@code at} (see {@link #statusAt}). */
    Lottery asOf(Instant at) {
        Status now = statusAt(at);
        return now == status ? this : new Lottery(id, brandId, title, rulesText, startsAt, endsAt, costPoints, dailyLimit,
                totalLimit, budgetPoints, budgetCoupons, pointsGiven, couponsGiven, now, createdBy, createdAt, updatedAt);
    }

    /** Whether members may draw at {@code at}: RUNNING and within its window. */
    boolean openAt(Instant at) {
        return status == Status.RUNNING && !at.isBefore(startsAt) && at.isBefore(endsAt);
    }

    /** Whether the budget can still give this prize. */
    boolean budgetAllows(Prize prize) {
        return switch (prize.kind()) {
            case POINTS -> pointsGiven + prize.points() <= budgetPoints;
            case COUPON -> couponsGiven + 1 <= budgetCoupons;
            // goods are bounded by the prize's units and the mall's stock, not by a budget
            case GOODS, NOTHING -> true;
        };
    }
}
