package com.loyalty.analytics.churn;

import com.loyalty.analytics.Period;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Counts customers and churned per period from members' spells, one member at a time: a customer
 * has a spell covering the period's start; a churned customer has none covering the day after its end.
 */
final class ChurnCount {

    private final List<Tally> tallies;
    private final List<Spell> memberSpells = new ArrayList<>();
    private Long member;

    ChurnCount(List<Period> periods) {
        this.tallies = periods.stream().map(Tally::new).toList();
    }

    /** Customers and churned of one period so far. */
    private static final class Tally {
        private final Period period;
        private long customers;
        private long churned;

        private Tally(Period period) {
            this.period = period;
        }
    }

    /** A member's days as a customer, as epoch days, both included. */
    private record Spell(long fromDay, long toDay) {
    }

    /** Adds one spell, covering [fromDay, toDay]; a member's spells must come together. */
    void add(long memberId, LocalDate fromDay, LocalDate toDay) {
        if (member != null && member != memberId) {
            countMember();
        }
        member = memberId;
        memberSpells.add(new Spell(fromDay.toEpochDay(), toDay.toEpochDay()));
    }

    /** Customers and churned of each period with customers, in the periods' order. */
    List<ChurnPeriod> result() {
        countMember();
        List<ChurnPeriod> result = new ArrayList<>();
        for (Tally t : tallies) {
            if (t.customers > 0) {
                result.add(new ChurnPeriod(t.period.start(), t.period.end(), t.customers, t.churned));
            }
        }
        return result;
    }

    private void countMember() {
        for (Tally t : tallies) {
            if (covered(t.period.start().toEpochDay())) {
                t.customers++;
                if (!covered(t.period.end().toEpochDay() + 1)) {
                    t.churned++;
                }
            }
        }
        memberSpells.clear();
    }

    private boolean covered(long day) {
        for (Spell spell : memberSpells) {
            if (spell.fromDay() <= day && day <= spell.toDay()) {
                return true;
            }
        }
        return false;
    }
}
