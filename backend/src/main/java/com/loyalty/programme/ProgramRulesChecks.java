package com.loyalty.programme;

import com.loyalty.shared.graphql.BusinessException;
import com.loyalty.shared.graphql.ErrorCode;
import com.loyalty.shared.graphql.UserError;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The checks of a new rule set, field by field (INVALID_INPUT naming the field under {@code rules}):
 * every number in a range a real programme uses, tiers in order with rising thresholds, and the same
 * number of tiers as today (members hold tier levels).
 */
final class ProgramRulesChecks {

    static final int MAX_REASON = 200;
    static final int MAX_NAME = 20;
    static final int MAX_BENEFITS = 10;
    static final int MAX_BENEFIT = 60;
    static final int MAX_MULTIPLIERS = 200;
    static final int MAX_KEY = 64;
    static final double MAX_FACTOR = 10;
    static final long MAX_THRESHOLD_CENTS = 100_000_000L;
    static final long MAX_REWARD_POINTS = 100_000L;

    private ProgramRulesChecks() {
    }

    static void checkReason(String reason) {
        if (reason == null || reason.isBlank() || reason.strip().length() > MAX_REASON) {
            throw invalid("reason", "请填写变更原因（1 到 " + MAX_REASON + " 个字）");
        }
    }

    static void check(ProgramRulesInput r, int tierCount) {
        if (r == null) {
            throw invalid("rules", "请填写完整的规则");
        }
        checkTiers(r.tiers(), tierCount);
        range("rules.tierWindowMonths", r.tierWindowMonths(), 1, 12, "等级评定周期需为 1 到 12 个月");
        if (r.tierReviewsBeforeDrop() != null) { // left out: as in the version it replaces
            range("rules.tierReviewsBeforeDrop", r.tierReviewsBeforeDrop(), 1, 12, "降级所需的连续未达标复核次数需为 1 到 12 次");
        }
        range("rules.pointsPerYuan", r.pointsPerYuan(), 1, 100, "每元积分需为 1 到 100");
        multipliers("rules.categoryMultipliers", r.categoryMultipliers(), "品类");
        multipliers("rules.skuMultipliers", r.skuMultipliers(), "商品");
        List<Integer> days = r.memberDays();
        if (days == null || days.size() > 5 || days.stream().anyMatch(d -> d == null || d < 1 || d > 28)
                || new HashSet<>(days).size() != days.size()) {
            throw invalid("rules.memberDays", "会员日为每月 1 到 28 日中的至多 5 天，不可重复");
        }
        factor("rules.memberDayFactor", r.memberDayFactor(), 1, "会员日倍数需为 1 到 10");
        if (r.birthdayPeriod() == null) {
            throw invalid("rules.birthdayPeriod", "请选择生日特权的期间（当天、当周或当月）");
        }
        factor("rules.birthdayFactor", r.birthdayFactor(), 1, "生日倍数需为 1 到 10");
        range("rules.pointsPerYuanRedeemed", r.pointsPerYuanRedeemed(), 1, 10_000, "抵 1 元所需积分需为 1 到 10000");
        range("rules.expiryMonths", r.expiryMonths(), 1, 120, "积分有效期需为 1 到 120 个月");
        checkCheckIn(r.checkIn());
        checkReferral(r.referral());
        if (r.welcomeCouponPackId() != null && r.welcomeCouponPackId() <= 0) {
            throw invalid("rules.welcomeCouponPackId", "新人礼包不存在");
        }
        if (r.welcomeMessage() != null && r.welcomeMessage().strip().length() > 200) {
            throw invalid("rules.welcomeMessage", "欢迎语最多 200 字");
        }
    }

    private static void checkTiers(List<TierRule> tiers, int tierCount) {
        if (tiers == null || tiers.size() != tierCount) {
            throw invalid("rules.tiers", "等级数量需保持为 " + tierCount + " 个（会员持有等级）");
        }
        long previous = -1;
        Set<String> names = new HashSet<>();
        for (int i = 0; i < tiers.size(); i++) {
            TierRule t = tiers.get(i);
            String at = "rules.tiers." + i;
            if (t == null || t.level() != i) {
                throw invalid(at + ".level", "等级需从 0 起依次排列");
            }
            if (t.name() == null || t.name().isBlank() || t.name().strip().length() > MAX_NAME
                    || !names.add(t.name().strip())) {
                throw invalid(at + ".name", "等级名称需为 1 到 " + MAX_NAME + " 个字，且不重复");
            }
            if (i == 0 ? t.thresholdCents() != 0
                    : t.thresholdCents() <= previous || t.thresholdCents() > MAX_THRESHOLD_CENTS) {
                throw invalid(at + ".thresholdCents",
                        "最低等级门槛为 0，其余逐级升高，且不超过 " + MAX_THRESHOLD_CENTS / 100 + " 元");
            }
            previous = t.thresholdCents();
            factor(at + ".pointsMultiplier", t.pointsMultiplier(), 1, "积分倍数需为 1 到 10");
            if (t.priceDiscount() < 50 || t.priceDiscount() > 100) {
                throw invalid(at + ".priceDiscount", "折扣需为 50 到 100（95 即 95 折，100 不打折）");
            }
            List<String> benefits = t.benefits();
            if (benefits == null || benefits.size() > MAX_BENEFITS || benefits.stream().anyMatch(b -> b == null
                    || b.isBlank() || b.strip().length() > MAX_BENEFIT)) {
                throw invalid(at + ".benefits", "权益至多 " + MAX_BENEFITS + " 条，每条 1 到 "
                        + MAX_BENEFIT + " 个字");
            }
        }
    }

    private static void multipliers(String field, List<RuleMultiplier> list, String what) {
        if (list == null) {
            return;
        }
        if (list.size() > MAX_MULTIPLIERS) {
            throw invalid(field, what + "倍数至多 " + MAX_MULTIPLIERS + " 条");
        }
        Set<String> keys = new HashSet<>();
        for (RuleMultiplier m : list) {
            if (m == null || m.key() == null || m.key().isBlank() || m.key().length() > MAX_KEY || !keys.add(m.key())
                    || !(m.factor() >= 0 && m.factor() <= MAX_FACTOR)) {
                throw invalid(field, what + "需为 1 到 " + MAX_KEY + " 个字符且不重复，倍数 0 到 10");
            }
        }
    }

    private static void checkCheckIn(CheckInRules c) {
        if (c == null) {
            throw invalid("rules.checkIn", "请填写签到规则");
        }
        if (c.rewards() == null || c.rewards().isEmpty() || c.rewards().size() > 31
                || c.rewards().stream().anyMatch(p -> p == null || p < 0 || p > 10_000)) {
            throw invalid("rules.checkIn.rewards", "签到奖励为 1 到 31 天，每天 0 到 10000 分");
        }
        if (c.afterLastDay() == null) {
            throw invalid("rules.checkIn.afterLastDay", "请选择连签超过奖励表后的规则");
        }
        range("rules.checkIn.makeUpCost", c.makeUpCost(), 0, MAX_REWARD_POINTS, "补签所需积分需为 0 到 100000");
        range("rules.checkIn.makeUpsPerMonth", c.makeUpsPerMonth(), 0, 31, "每月补签次数需为 0 到 31");
        range("rules.checkIn.rewardExpiryMonths", c.rewardExpiryMonths(), 1, 120, "签到积分有效期需为 1 到 120 个月");
    }

    private static void checkReferral(ReferralRules r) {
        if (r == null) {
            throw invalid("rules.referral", "请填写邀请规则");
        }
        range("rules.referral.registeredPoints", r.registeredPoints(), 0, MAX_REWARD_POINTS, "邀请奖励需为 0 到 100000 分");
        range("rules.referral.firstPurchasePoints", r.firstPurchasePoints(), 0, MAX_REWARD_POINTS, "邀请奖励需为 0 到 100000 分");
        range("rules.referral.welcomePoints", r.welcomePoints(), 0, MAX_REWARD_POINTS, "新人奖励需为 0 到 100000 分");
        range("rules.referral.dailyCap", r.dailyCap(), 0, 1_000, "每日奖励上限需为 0 到 1000 次");
        range("rules.referral.lifetimeCap", r.lifetimeCap(), 0, 100_000, "累计奖励上限需为 0 到 100000 次");
    }

    /** INVALID_INPUT on a field of the input, {@code rules.tiers.2.name} naming ["input", "rules", "tiers", "2", "name"]. */
    static BusinessException invalid(String path, String message) {
        List<String> field = new java.util.ArrayList<>();
        field.add("input");
        field.addAll(List.of(path.split("\\.")));
        return new BusinessException(new UserError(field, message, ErrorCode.INVALID_INPUT));
    }

    private static void range(String field, Number value, long min, long max, String message) {
        if (value == null || value.longValue() < min || value.longValue() > max) {
            throw invalid(field, message);
        }
    }

    private static void factor(String field, Double value, double min, String message) {
        if (value == null || !(value >= min && value <= MAX_FACTOR)) {
            throw invalid(field, message);
        }
    }
}
