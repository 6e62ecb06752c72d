package com.loyalty.lottery;

import java.time.Instant;
import java.util.List;

/** A change to a lottery: fields left out keep their value; {@code prizes} adds a pool version. */
public record UpdateLotteryInput(Long lotteryId, String title, String rulesText, Instant startsAt, Instant endsAt,
                                 Long costPoints, Integer dailyLimit, Integer totalLimit, Long budgetPoints,
                                 Long budgetCoupons, List<PrizeInput> prizes, Instant poolEffectiveFrom) {

    /** The lottery's settings with these changes over {@code before}. */
    CreateLotteryInput mergedInto(Lottery before) {
        return new CreateLotteryInput(title != null ? title : before.title(),
                rulesText != null ? rulesText : before.rulesText(),
                startsAt != null ? startsAt : before.startsAt(), endsAt != null ? endsAt : before.endsAt(),
                costPoints != null ? costPoints : before.costPoints(),
                dailyLimit != null ? dailyLimit : before.dailyLimit(),
                totalLimit != null ? totalLimit : before.totalLimit(),
                budgetPoints != null ? budgetPoints : before.budgetPoints(),
                budgetCoupons != null ? budgetCoupons : before.budgetCoupons(), prizes);
    }
}
