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
        long earned = 0;
        long checkIn = 0;
        long referral = 0;
        long campaign = 0;
        long redeemedAtTill = 0;
        long couponExchange = 0;
        long makeUp = 0;
        long expired = 0;
        long reversedByRefunds = 0;
        long returnedByRefunds = 0;
        long adjustedUp = 0;
        long adjustedDown = 0;
        for (PointsEconomyRepository.KindDay r : rows) {
            switch (r.kind()) {
                case "EARN" -> earned += r.credited() - r.debited();
                case "CHECK_IN" -> checkIn += r.credited() - r.debited();
                case "REFERRAL" -> referral += r.credited() - r.debited();
                case "CAMPAIGN", "STAMP_CARD" -> campaign += r.credited() - r.debited();
                case "REDEEM" -> redeemedAtTill += r.debited() - r.credited();
                case "COUPON_EXCHANGE" -> couponExchange += r.debited() - r.credited();
                case "MAKE_UP" -> makeUp += r.debited() - r.credited();
                case "EXPIRE" -> expired += r.debited() - r.credited();
                case "REFUND_REVERSE" -> reversedByRefunds += r.debited() - r.credited();
                case "REFUND_RETURN" -> returnedByRefunds += r.credited() - r.debited();
                default -> {
                    adjustedUp += r.credited();
                    adjustedDown += r.debited();
                }
            }
        }
        return new PointsFlow(start, end, earned, checkIn, referral, campaign, redeemedAtTill, couponExchange, makeUp,
                expired, reversedByRefunds, returnedByRefunds, adjustedUp, adjustedDown);
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
