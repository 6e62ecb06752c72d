package com.loyalty.wallet.payment;

import com.loyalty.wallet.ledger.Lot;
import com.loyalty.wallet.ledger.LotMove;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Splits a payment between principal and bonus (in the brand's {@link SpendOrder}) and takes each
 * from the lots: principal from the oldest recharge first, bonus from the soonest-expiring first.
 */
final class SpendPlan {

    private SpendPlan() {
    }

    /** An amount of stored value in principal and bonus. */
    record Split(long principal, long bonus) {

        Split plus(Split other) {
            return new Split(principal + other.principal, bonus + other.bonus);
        }
    }

    /** The principal and bonus part of {@code amount}; the caller checked that the lots hold enough. */
    static Split split(long amount, long principal, long bonus, SpendOrder order) {
        long fromBonus;
        switch (order) {
            case PRINCIPAL_FIRST:
                fromBonus = amount - Math.min(amount, principal);
                break;
            case BONUS_FIRST:
                fromBonus = Math.min(amount, bonus);
                break;
            default:
                fromBonus = principal + bonus == 0 ? 0
                        : java.math.BigInteger.valueOf(amount).multiply(java.math.BigInteger.valueOf(bonus))
                                .divide(java.math.BigInteger.valueOf(principal + bonus)).longValueExact();
                // rounding never asks the principal for more than it holds
                fromBonus = Math.max(fromBonus, amount - principal);
        }
        return new Split(amount - fromBonus, fromBonus);
    }

    /** The (negative) moves that take {@code amount} from the lots at {@code now}. */
    static List<LotMove> take(List<Lot> lots, long amount, SpendOrder order, Instant now) {
        long principal = lots.stream().mapToLong(Lot::principalRemaining).sum();
        long bonus = lots.stream().mapToLong(l -> l.spendableBonus(now)).sum();
        Split parts = split(amount, principal, bonus, order);
        Map<Long, Split> taken = new LinkedHashMap<>();
        long left = parts.principal();
        for (Lot lot : lots) {
            long take = Math.min(left, lot.principalRemaining());
            if (take > 0) {
                taken.merge(lot.id(), new Split(take, 0), Split::plus);
                left -= take;
            }
        }
        left = parts.bonus();
        List<Lot> byExpiry = new ArrayList<>(lots);
        byExpiry.sort(Comparator.comparing((Lot l) -> l.bonusExpiresAt() == null ? Instant.MAX : l.bonusExpiresAt())
                .thenComparingLong(Lot::id));
        for (Lot lot : byExpiry) {
            long take = Math.min(left, lot.spendableBonus(now));
            if (take > 0) {
                taken.merge(lot.id(), new Split(0, take), Split::plus);
                left -= take;
            }
        }
        List<LotMove> moves = new ArrayList<>();
        for (Lot lot : lots) {
            Split t = taken.get(lot.id());
            if (t != null) {
                moves.add(new LotMove(lot.id(), lot.storeId(), -t.principal(), -t.bonus()));
            }
        }
        return moves;
    }

    /** Gives back up to {@code principal} and {@code bonus} to the lots a payment took them from. */
    static List<LotMove> giveBack(List<LotMove> stillTaken, long principal, long bonus) {
        List<LotMove> moves = new ArrayList<>();
        long p = principal;
        long b = bonus;
        for (LotMove lot : stillTaken) {
            long backP = Math.min(p, lot.principalCents());
            long backB = Math.min(b, lot.bonusCents());
            p -= backP;
            b -= backB;
            if (backP > 0 || backB > 0) {
                moves.add(new LotMove(lot.lotId(), lot.storeId(), backP, backB));
            }
        }
        return moves;
    }
}
