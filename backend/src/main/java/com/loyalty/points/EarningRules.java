package com.loyalty.points;

import com.loyalty.programme.ProgramRules;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Computes what a purchase earns under the rules version in force when it happened: base points
 * for the yuan paid, the items' SKU and category multipliers on their share of it, then each
 * multiplier that applies multiplies the running total, rounded down: the member's tier, member
 * day, birthday, campaign (member day x2 and birthday month x2 on the same order give x4). Each
 * line of the breakdown shows the points that rule added. Days count in the brand's zone.
 */
@Component
public class EarningRules {

    /** What {@code paidCents} earn under {@code rules}; a multiplier of 1 adds no line. */
    public Earning earn(ProgramRules rules, long paidCents, List<EarningItem> items, Instant occurredAt, ZoneId zone,
                        LocalDate birthday, double tierMultiplier, double campaignMultiplier) {
        long base = paidCents * rules.pointsPerYuan() / 100;
        List<EarnLine> lines = new ArrayList<>();
        lines.add(new EarnLine(EarnRule.BASE, 1, base));
        long total = base;
        total = items(rules, items, base, total, lines);
        if (tierMultiplier > 1) {
            total = multiply(lines, EarnRule.TIER, tierMultiplier, total);
        }
        LocalDate day = occurredAt.atZone(zone).toLocalDate();
        if (rules.isMemberDay(day) && rules.memberDayFactor() > 1) {
            total = multiply(lines, EarnRule.MEMBER_DAY, rules.memberDayFactor(), total);
        }
        if (birthday != null && rules.inBirthdayPeriod(day, birthday) && rules.birthdayFactor() > 1) {
            total = multiply(lines, EarnRule.BIRTHDAY, rules.birthdayFactor(), total);
        }
        if (campaignMultiplier > 1) {
            total = multiply(lines, EarnRule.CAMPAIGN, campaignMultiplier, total);
        }
        return new Earning(total, List.copyOf(lines), rules.version());
    }

    /**
     * The SKU and category multipliers: each item's share of the base points (by its amount) times
     * its factor less one, one line for the SKUs and one for the categories.
     */
    private static long items(ProgramRules rules, List<EarningItem> items, long base, long total, List<EarnLine> lines) {
        long itemsCents = items.stream().mapToLong(EarningItem::cents).sum();
        if (itemsCents <= 0 || base <= 0 || rules.skuMultipliers().isEmpty() && rules.categoryMultipliers().isEmpty()) {
            return total;
        }
        long bySku = 0;
        long byCategory = 0;
        for (EarningItem item : items) {
            double factor = rules.itemFactor(item.sku(), item.category());
            if (factor == 1) {
                continue;
            }
            long share = base * item.cents() / itemsCents;
            long extra = (long) Math.floor(share * (factor - 1) + 1e-9);
            boolean sku = rules.skuMultipliers().stream().anyMatch(m -> m.key().equals(item.sku()));
            if (sku) {
                bySku += extra;
            } else {
                byCategory += extra;
            }
        }
        for (EarnRule rule : List.of(EarnRule.SKU, EarnRule.CATEGORY)) {
            long extra = rule == EarnRule.SKU ? bySku : byCategory;
            if (extra != 0) {
                long after = Math.max(0, total + extra);
                lines.add(new EarnLine(rule, Math.round((double) after / total * 100) / 100.0, after - total));
                total = after;
            }
        }
        return total;
    }

    private static long multiply(List<EarnLine> lines, EarnRule rule, double factor, long total) {
        long after = (long) Math.floor(total * factor + 1e-9);
        lines.add(new EarnLine(rule, factor, after - total));
        return after;
    }
}
