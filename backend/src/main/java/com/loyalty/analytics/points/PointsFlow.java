package com.loyalty.analytics.points;

import java.time.LocalDate;
import java.util.Collection;

/**
 * Points moved from {@code start} to {@code end} by what moved them: issued (purchases, check-in,
 * invitations, campaigns), redeemed (at the till, for coupons, for make-up check-ins), expired,
 * taken back or given back by refunds, and adjusted by hand.
 */
public record PointsFlow(LocalDate start, LocalDate end, long earned, long checkIn, long referral, long campaign,
                         long redeemedAtTill, long couponExchange, long makeUp, long expired,
                         long reversedByRefunds, long returnedByRefunds, long adjustedUp, long adjustedDown) {

    /** Sums a period's ledger kinds. */
    static PointsFlow of(LocalDate start, LocalDate end, Collection<PointsEconomyRepository.KindDay> rows) {
        long[] v = new long[12];
        for (PointsEconomyRepository.KindDay r : rows) {
            switch (r.kind()) {
                case "EARN" -> v[0] += r.credited() - r.debited();
                case "CHECK_IN" -> v[1] += r.credited() - r.debited();
                case "REFERRAL" -> v[2] += r.credited() - r.debited();
                case "CAMPAIGN" -> v[3] += r.credited() - r.debited();
                case "REDEEM" -> v[4] += r.debited() - r.credited();
                case "COUPON_EXCHANGE" -> v[5] += r.debited() - r.credited();
                case "MAKE_UP" -> v[6] += r.debited() - r.credited();
                case "EXPIRE" -> v[7] += r.debited() - r.credited();
                case "REFUND_REVERSE" -> v[8] += r.debited() - r.credited();
                case "REFUND_RETURN" -> v[9] += r.credited() - r.debited();
                default -> {
                    v[10] += r.credited();
                    v[11] += r.debited();
                }
            }
        }
        return new PointsFlow(start, end, v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], v[10], v[11]);
    }

    /** Points given for activity: earned + check-in + referral + campaign. */
    public long issued() {
        return earned + checkIn + referral + campaign;
    }

    /** Points members spent: at the till + coupon exchange + make-up check-ins. */
    public long redeemed() {
        return redeemedAtTill + couponExchange + makeUp;
    }

    /** What the members' balances changed by: everything added less everything taken. */
    public long net() {
        return issued() - redeemed() - expired - reversedByRefunds + returnedByRefunds + adjustedUp - adjustedDown;
    }
}
