package com.loyalty.programme;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.temporal.TemporalAdjusters;
import java.util.List;

/**
 * The whole rule set of one version, in force from {@code effectiveFrom} until the next version's
 * (docs/rules.md explains each rule to store owners).
 *
 * @param version               the version number (1 is the seed)
 * @param effectiveFrom         when it takes effect
 * @param tiers                 the tiers, lowest (level 0) first
 * @param tierWindowMonths      calendar months the average monthly spend is taken over
 * @param tierReviewsBeforeDrop monthly reviews in a row below the tier's threshold that drop a member one tier
 * @param pointsPerYuan         points earned per yuan actually paid
 * @param categoryMultipliers   points multipliers on the items of a category
 * @param skuMultipliers        points multipliers on a SKU (instead of its category's)
 * @param memberDays            the days of the month that are member days
 * @param memberDayFactor       multiplier on member days (1: none)
 * @param birthdayPeriod        DAY, WEEK or MONTH around the member's birthday
 * @param birthdayFactor        multiplier in the birthday period (1: none)
 * @param pointsPerYuanRedeemed points that pay one yuan at the till
 * @param expiryMonths          earned points expire at the end of this many months after the month earned
 * @param checkIn               check-in rewards
 * @param referral              invitation rewards and caps
 * @param welcomeCouponPackId   the coupon pack a new member gets; null: none
 * @param welcomeMessage        the message a new member gets (subscribe message or SMS); null: none
 */
public record ProgramRules(
        int version,
        Instant effectiveFrom,
        List<TierRule> tiers,
        int tierWindowMonths,
        int tierReviewsBeforeDrop,
        long pointsPerYuan,
        List<RuleMultiplier> categoryMultipliers,
        List<RuleMultiplier> skuMultipliers,
        List<Integer> memberDays,
        double memberDayFactor,
        BirthdayPeriod birthdayPeriod,
        double birthdayFactor,
        long pointsPerYuanRedeemed,
        int expiryMonths,
        CheckInRules checkIn,
        ReferralRules referral,
        Long welcomeCouponPackId,
        String welcomeMessage) {

    static final DayOfWeek WEEK_START = DayOfWeek.MONDAY;
    /**
     * The reviews before a drop of the versions stored before it was a rule (their JSON has no
     * tierReviewsBeforeDrop, read as 0): what the tier review always did.
     */
    static final int DEFAULT_TIER_REVIEWS_BEFORE_DROP = 3;

    public ProgramRules {
        if (tierReviewsBeforeDrop == 0) {
            tierReviewsBeforeDrop = DEFAULT_TIER_REVIEWS_BEFORE_DROP;
        }
        tiers = List.copyOf(tiers);
        categoryMultipliers = categoryMultipliers == null ? List.of() : List.copyOf(categoryMultipliers);
        skuMultipliers = skuMultipliers == null ? List.of() : List.copyOf(skuMultipliers);
        memberDays = List.copyOf(memberDays);
    }

    /** The same rules as another version. */
    ProgramRules as(int version, Instant effectiveFrom) {
        return new ProgramRules(version, effectiveFrom, tiers, tierWindowMonths, tierReviewsBeforeDrop, pointsPerYuan,
                categoryMultipliers, skuMultipliers, memberDays, memberDayFactor, birthdayPeriod, birthdayFactor,
                pointsPerYuanRedeemed, expiryMonths, checkIn, referral, welcomeCouponPackId, welcomeMessage);
    }

    /** The tier of that level (the lowest when there is none). */
    public TierRule tier(int level) {
        return tiers.stream().filter(t -> t.level() == level).findFirst().orElse(tiers.get(0));
    }

    /** The highest tier whose threshold {@code averageCents} meets. */
    public TierRule reached(long averageCents) {
        TierRule reached = tiers.get(0);
        for (TierRule t : tiers) {
            if (t.thresholdCents() <= averageCents && t.level() > reached.level()) {
                reached = t;
            }
        }
        return reached;
    }

    /** The next tier above that level; null at the top. */
    public TierRule above(int level) {
        return tiers.stream().filter(t -> t.level() > level).findFirst().orElse(null);
    }

    public boolean isMemberDay(LocalDate day) {
        return memberDays.contains(day.getDayOfMonth());
    }

    /** True when {@code day} falls in the birthday period of a member born on {@code birthday}. */
    public boolean inBirthdayPeriod(LocalDate day, LocalDate birthday) {
        LocalDate thisYears = MonthDay.from(birthday).atYear(day.getYear()); // 2-29 becomes 2-28
        return switch (birthdayPeriod) {
            case DAY -> day.equals(thisYears);
            case WEEK -> day.with(TemporalAdjusters.previousOrSame(WEEK_START))
                    .equals(thisYears.with(TemporalAdjusters.previousOrSame(WEEK_START)));
            case MONTH -> day.getMonth() == birthday.getMonth();
        };
    }

    /** The points multiplier of an item: its SKU's, else its category's, else 1. */
    public double itemFactor(String sku, String category) {
        for (RuleMultiplier m : skuMultipliers) {
            if (m.key().equals(sku)) {
                return m.factor();
            }
        }
        if (category != null) {
            for (RuleMultiplier m : categoryMultipliers) {
                if (m.key().equals(category)) {
                    return m.factor();
                }
            }
        }
        return 1;
    }

    /** What {@code points} pay at the till, in cents (rounded down). */
    public long centsFor(long points) {
        return points * 100 / pointsPerYuanRedeemed;
    }

    /** True when {@code points} pay whole cents. */
    public boolean paysWholeCents(long points) {
        return points * 100 % pointsPerYuanRedeemed == 0;
    }
}
