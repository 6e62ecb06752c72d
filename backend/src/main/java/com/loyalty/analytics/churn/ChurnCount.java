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

    private final List<Period> periods;
    private final long[] customers;
    private final long[] churned;
    private final List<long[]> memberSpells = new ArrayList<>();
    private Long member;

    ChurnCount(List<Period> periods) {
        this.periods = periods;
        this.customers = new long[periods.size()];
        this.churned = new long[periods.size()];
    }

    /** Adds one spell, covering [fromDay, toDay]; a member's spells must come together. */
    void add(long memberId, LocalDate fromDay, LocalDate toDay) {
        if (member != null && member != memberId) {
            countMember();
        }
        member = memberId;
        memberSpells.add(new long[] {fromDay.toEpochDay(), toDay.toEpochDay()});
    }

    /** Customers and churned of each period with customers, in the periods' order. */
    List<ChurnPeriod> result() {
        countMember();
        List<ChurnPeriod> result = new ArrayList<>();
        for (int i = 0; i < periods.size(); i++) {
            if (customers[i] > 0) {
                Period p = periods.get(i);
                result.add(new ChurnPeriod(p.start(), p.end(), customers[i], churned[i]));
            }
        }
        return result;
    }

    private void countMember() {
        for (int i = 0; i < periods.size(); i++) {
            Period p = periods.get(i);
            if (covered(p.start().toEpochDay())) {
                customers[i]++;
                if (!covered(p.end().toEpochDay() + 1)) {
                    churned[i]++;
                }
            }
        }
        memberSpells.clear();
    }

    private boolean covered(long day) {
        for (long[] spell : memberSpells) {
            if (spell[0] <= day && day <= spell[1]) {
                return true;
            }
        }
        return false;
    }
}
