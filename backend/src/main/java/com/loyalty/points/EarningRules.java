package com.loyalty.points;

import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Computes what a purchase earns: base points for the yuan paid, then each multiplier that
 * applies multiplies the running total, rounded down: the member's tier, member day, birthday
 * (member day x2 and birthday month x2 on the same order give x4).
 * Each line of the breakdown shows the points that rule added. Days count in the brand's zone.
 */
@Component
public class EarningRules {

    private final PointsProperties rules;

    public EarningRules(PointsProperties rules) {
        this.rules = rules;
    }

    /** What {@code paidCents} earn; a multiplier of 1 adds no line. */
    public Earning earn(long paidCents, Instant occurredAt, ZoneId zone, LocalDate birthday, double tierMultiplier,
                        double campaignMultiplier) {
        long base = paidCents * rules.pointsPerYuan() / 100;
        List<EarnLine> lines = new ArrayList<>();
        lines.add(new EarnLine(EarnRule.BASE, 1, base));
        long total = base;
        if (tierMultiplier > 1) {
            long after = (long) Math.floor(total * tierMultiplier + 1e-9);
            lines.add(new EarnLine(EarnRule.TIER, tierMultiplier, after - total));
            total = after;
        }
        LocalDate day = occurredAt.atZone(zone).toLocalDate();
        if (day.getDayOfMonth() == rules.memberDay() && rules.memberDayFactor() > 1) {
            long after = total * rules.memberDayFactor();
            lines.add(new EarnLine(EarnRule.MEMBER_DAY, rules.memberDayFactor(), after - total));
            total = after;
        }
        if (birthday != null && inBirthdayPeriod(day, birthday) && rules.birthdayFactor() > 1) {
            long after = total * rules.birthdayFactor();
            lines.add(new EarnLine(EarnRule.BIRTHDAY, rules.birthdayFactor(), after - total));
            total = after;
        }
        if (campaignMultiplier > 1) {
            long after = (long) Math.floor(total * campaignMultiplier + 1e-9);
            lines.add(new EarnLine(EarnRule.CAMPAIGN, campaignMultiplier, after - total));
            total = after;
        }
        return new Earning(total, List.copyOf(lines));
    }

    private boolean inBirthdayPeriod(LocalDate day, LocalDate birthday) {
        LocalDate thisYears = MonthDay.from(birthday).atYear(day.getYear()); // 2-29 becomes 2-28
        return switch (rules.birthdayPeriod()) {
            case DAY -> day.equals(thisYears);
            case WEEK -> day.with(TemporalAdjusters.previousOrSame(PointsProperties.WEEK_START))
                    .equals(thisYears.with(TemporalAdjusters.previousOrSame(PointsProperties.WEEK_START)));
            case MONTH -> day.getMonth() == birthday.getMonth();
        };
    }
}
