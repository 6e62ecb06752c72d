package com.loyalty.stamp;

/**
 * updateStampCard's input: fields left out keep their value. {@code clearCategory} and
 * {@code clearMinPaid} drop a condition; giving one reward drops the other.
 */
public record UpdateStampCardInput(Long id, String name, Integer stampsNeeded, String category, Boolean clearCategory,
                                   Long minPaidCents, Boolean clearMinPaid, StampCard.Period period, Integer periodDays,
                                   Long rewardPoints, Long rewardCouponTemplateId) {

    /** The terms after this change, over the card's current ones. */
    StampCardInput applyTo(StampCard c) {
        StampCard.Period p = period != null ? period : c.period();
        Integer days = periodDays != null ? periodDays : p == StampCard.Period.DAYS ? c.periodDays() : null;
        boolean newReward = rewardPoints != null || rewardCouponTemplateId != null;
        return new StampCardInput(name != null ? name : c.name(), c.storeId(),
                stampsNeeded != null ? stampsNeeded : c.stampsNeeded(),
                Boolean.TRUE.equals(clearCategory) ? null : category != null ? category : c.category(),
                Boolean.TRUE.equals(clearMinPaid) ? null : minPaidCents != null ? minPaidCents : c.minPaidCents(),
                p, days,
                newReward ? rewardPoints : c.rewardPoints(),
                newReward ? rewardCouponTemplateId : c.rewardCouponTemplateId());
    }
}
