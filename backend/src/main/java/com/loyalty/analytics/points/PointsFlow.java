package com.loyalty.analytics.points;

import com.loyalty.analytics.shared.LedgerKinds;
import com.loyalty.analytics.shared.LedgerKinds.Figure;
import com.loyalty.points.EntryKind;
import java.time.LocalDate;
import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;

/**
 * Points moved from {@code start} to {@code end} by what moved them ({@link LedgerKinds}): issued
 * (purchases, check-in, invitations, campaigns, stamp cards, events, lottery prizes, recharge
 * packages), spent (at the till, for coupons, for make-up check-ins, in the mall less what it gave
 * back, on lottery draws), expired, taken back or given back by refunds, adjusted by hand, and
 * brought over from a previous system.
 */
public record PointsFlow(LocalDate start, LocalDate end, long earned, long checkIn, long referral, long campaign,
                         long stampCards, long events, long lotteryPrizes, long rechargeBonus,
                         long redeemedAtTill, long couponExchange, long makeUp, long mallRedemptions,
                         long lotteryDraws, long expired, long reversedByRefunds, long returnedByRefunds,
                         long adjustedUp, long adjustedDown, long imported) {

    /** Sums a period's ledger kinds, each into its figure. */
    static PointsFlow of(LocalDate start, LocalDate end, Collection<PointsEconomyRepository.KindDay> rows) {
        Map<Figure, long[]> moved = new EnumMap<>(Figure.class);
        for (Figure f : Figure.values()) {
            moved.put(f, new long[2]);
        }
        for (PointsEconomyRepository.KindDay r : rows) {
            long[] creditedDebited = moved.get(LedgerKinds.figureOf(EntryKind.valueOf(r.kind())));
            creditedDebited[0] += r.credited();
            creditedDebited[1] += r.debited();
        }
        return new PointsFlow(start, end, added(moved, Figure.EARNED), added(moved, Figure.CHECK_IN),
                added(moved, Figure.REFERRAL), added(moved, Figure.CAMPAIGN), added(moved, Figure.STAMP_CARDS),
                added(moved, Figure.EVENTS), added(moved, Figure.LOTTERY_PRIZES), added(moved, Figure.RECHARGE_BONUS),
                taken(moved, Figure.REDEEMED_AT_TILL), taken(moved, Figure.COUPON_EXCHANGE), taken(moved, Figure.MAKE_UP),
                taken(moved, Figure.MALL), taken(moved, Figure.LOTTERY), taken(moved, Figure.EXPIRED),
                taken(moved, Figure.REVERSED_BY_REFUNDS), added(moved, Figure.RETURNED_BY_REFUNDS),
                moved.get(Figure.ADJUSTED)[0], moved.get(Figure.ADJUSTED)[1], added(moved, Figure.IMPORTED));
    }

    private static long added(Map<Figure, long[]> moved, Figure f) {
        return moved.get(f)[0] - moved.get(f)[1];
    }

    private static long taken(Map<Figure, long[]> moved, Figure f) {
        return moved.get(f)[1] - moved.get(f)[0];
    }

    /** Points given for activity: earned + check-in + referral + campaign + stamp cards + events + lottery prizes + recharge bonus. */
    public long issued() {
        return earned + checkIn + referral + campaign + stampCards + events + lotteryPrizes + rechargeBonus;
    }

    /** Points members spent: at the till + coupon exchange + make-up check-ins + the mall (less returns) + lottery draws. */
    public long redeemed() {
        return redeemedAtTill + couponExchange + makeUp + mallRedemptions + lotteryDraws;
    }

    /** What the members' balances changed by: everything added less everything taken. */
    public long net() {
        return issued() - redeemed() - expired - reversedByRefunds + returnedByRefunds + adjustedUp - adjustedDown
                + imported;
    }
}
