package com.loyalty.programme;

import java.util.List;

/**
 * The whole rule set of a new version, as the admin sends it (the same fields {@code programRules} answers).
 * {@code tierReviewsBeforeDrop} may be left out (null): the new version keeps the value of the one it replaces.
 */
public record ProgramRulesInput(
        List<TierRule> tiers,
        Integer tierWindowMonths,
        Integer tierReviewsBeforeDrop,
        Long pointsPerYuan,
        List<RuleMultiplier> categoryMultipliers,
        List<RuleMultiplier> skuMultipliers,
        List<Integer> memberDays,
        Double memberDayFactor,
        BirthdayPeriod birthdayPeriod,
        Double birthdayFactor,
        Long pointsPerYuanRedeemed,
        Integer expiryMonths,
        CheckInRules checkIn,
        ReferralRules referral,
        Long welcomeCouponPackId,
        String welcomeMessage) {

    /** A version's rules as an input to edit (what an admin starts from). */
    public static ProgramRulesInput of(ProgramRules r) {
        return new ProgramRulesInput(r.tiers(), r.tierWindowMonths(), r.tierReviewsBeforeDrop(), r.pointsPerYuan(),
                r.categoryMultipliers(), r.skuMultipliers(), r.memberDays(), r.memberDayFactor(), r.birthdayPeriod(),
                r.birthdayFactor(), r.pointsPerYuanRedeemed(), r.expiryMonths(), r.checkIn(), r.referral(),
                r.welcomeCouponPackId(), r.welcomeMessage());
    }

    /** The same rules with {@code tiers} instead. */
    public ProgramRulesInput withTiers(List<TierRule> tiers) {
        return new ProgramRulesInput(tiers, tierWindowMonths, tierReviewsBeforeDrop, pointsPerYuan, categoryMultipliers,
                skuMultipliers, memberDays, memberDayFactor, birthdayPeriod, birthdayFactor, pointsPerYuanRedeemed,
                expiryMonths, checkIn, referral, welcomeCouponPackId, welcomeMessage);
    }

    /**
     * The rules, once checked, as version {@code version} from {@code effectiveFrom}; a field left
     * out keeps its value in {@code replaced} (the newest version, which this one follows).
     */
    ProgramRules toRules(int version, java.time.Instant effectiveFrom, ProgramRules replaced) {
        return new ProgramRules(version, effectiveFrom, tiers.stream().map(t -> new TierRule(t.level(), t.name().strip(),
                        t.thresholdCents(), t.pointsMultiplier(), t.priceDiscount(),
                        t.benefits() == null ? List.of() : t.benefits().stream().map(String::strip).toList())).toList(),
                tierWindowMonths, tierReviewsBeforeDrop == null ? replaced.tierReviewsBeforeDrop() : tierReviewsBeforeDrop,
                pointsPerYuan, categoryMultipliers, skuMultipliers, memberDays.stream().sorted().toList(),
                memberDayFactor, birthdayPeriod, birthdayFactor, pointsPerYuanRedeemed, expiryMonths,
                new CheckInRules(List.copyOf(checkIn.rewards()), checkIn.afterLastDay(), checkIn.makeUpCost(),
                        checkIn.makeUpsPerMonth(), checkIn.rewardExpiryMonths()),
                referral, welcomeCouponPackId,
                welcomeMessage == null || welcomeMessage.isBlank() ? null : welcomeMessage.strip());
    }
}
