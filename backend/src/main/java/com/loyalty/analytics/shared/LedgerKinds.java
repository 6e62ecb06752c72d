package com.loyalty.analytics.shared;

import com.loyalty.points.EntryKind;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Where each kind of points ledger entry counts in the analytics: the one figure of the points economy
 * it moves (every kind has one, so the figures always add up to what balances changed by), and which
 * kinds are members spending points on something (the till, coupons, make-up check-ins, the mall, the
 * lottery) for the activity and health numbers. A new {@link EntryKind} does not compile until it is
 * placed here ({@link #figureOf} is an exhaustive switch).
 */
public final class LedgerKinds {

    /** Which side of the points economy a figure is on. */
    public enum Side { ISSUED, SPENT, EXPIRED, REFUNDS, ADJUSTED, IMPORTED }

    /** One figure of the points economy. */
    public enum Figure {
        EARNED(Side.ISSUED), CHECK_IN(Side.ISSUED), REFERRAL(Side.ISSUED), CAMPAIGN(Side.ISSUED),
        STAMP_CARDS(Side.ISSUED), EVENTS(Side.ISSUED), LOTTERY_PRIZES(Side.ISSUED), RECHARGE_BONUS(Side.ISSUED),
        REDEEMED_AT_TILL(Side.SPENT), COUPON_EXCHANGE(Side.SPENT), MAKE_UP(Side.SPENT), MALL(Side.SPENT),
        LOTTERY(Side.SPENT), EXPIRED(Side.EXPIRED), REVERSED_BY_REFUNDS(Side.REFUNDS),
        RETURNED_BY_REFUNDS(Side.REFUNDS), ADJUSTED(Side.ADJUSTED), IMPORTED(Side.IMPORTED);

        private final Side side;

        Figure(Side side) {
            this.side = side;
        }

        public Side side() {
            return side;
        }
    }

    /** The figure a kind of entry moves. */
    public static Figure figureOf(EntryKind kind) {
        return switch (kind) {
            case EARN -> Figure.EARNED;
            case CHECK_IN -> Figure.CHECK_IN;
            case REFERRAL -> Figure.REFERRAL;
            case CAMPAIGN -> Figure.CAMPAIGN;
            case STAMP_CARD -> Figure.STAMP_CARDS;
            case EVENT -> Figure.EVENTS;
            case LOTTERY_PRIZE -> Figure.LOTTERY_PRIZES;
            // points of a recharge package; a refunded recharge takes them back (a debit of the same kind)
            case RECHARGE -> Figure.RECHARGE_BONUS;
            case REDEEM -> Figure.REDEEMED_AT_TILL;
            case COUPON_EXCHANGE -> Figure.COUPON_EXCHANGE;
            case MAKE_UP -> Figure.MAKE_UP;
            // a cancelled or expired redemption gives its points back: it lowers the mall's spending
            case MALL_REDEEM, MALL_RETURN -> Figure.MALL;
            case LOTTERY_DRAW -> Figure.LOTTERY;
            case EXPIRE -> Figure.EXPIRED;
            case REFUND_REVERSE -> Figure.REVERSED_BY_REFUNDS;
            case REFUND_RETURN -> Figure.RETURNED_BY_REFUNDS;
            case ADJUST -> Figure.ADJUSTED;
            case OPENING -> Figure.IMPORTED;
        };
    }

    /**
     * The kinds that spend a member's points on something: their debits are points spent (what a
     * return gives back, MALL_RETURN, is not subtracted, as refunds are not).
     */
    public static final Set<EntryKind> SPENDING = Arrays.stream(EntryKind.values())
            .filter(kind -> figureOf(kind).side() == Side.SPENT && kind != EntryKind.MALL_RETURN)
            .collect(Collectors.toCollection(() -> EnumSet.noneOf(EntryKind.class)));

    /**
     * {@link #SPENDING} as an SQL list, in the kinds' order: {@code ('REDEEM', 'MAKE_UP', ...)}, the
     * predicate of the partial index points_ledger_spending (V90), which a change here must follow.
     */
    public static final String SPENDING_SQL = SPENDING.stream().map(kind -> "'" + kind.name() + "'")
            .collect(Collectors.joining(", ", "(", ")"));

    private LedgerKinds() {
    }
}
