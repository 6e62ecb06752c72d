package com.loyalty.campaign;

/** A launched campaign and what its launch did. */
public record CampaignLaunch(Campaign campaign, Counts counts) {

    /**
     * @param reached             treated members who got the benefit now
     * @param skippedHoldingCoupon treated members skipped because they already hold the campaign's coupon up to its limit
     * @param skippedNotEligible  treated members skipped because the coupon could not go to them (out of stock, tier, no longer obtainable)
     * @param leftOutByBudget     treated members left without the benefit because the budget ran out
     * @param budgetUsed          points (POINTS) or packs / members given, out of the budget
     */
    public record Counts(long reached, long skippedHoldingCoupon, long skippedNotEligible, long leftOutByBudget,
                         long budgetUsed) {

        static final Counts NONE = new Counts(0, 0, 0, 0, 0);

        @Override
        public String toString() {
            return "reached=" + reached + " holding=" + skippedHoldingCoupon + " notEligible=" + skippedNotEligible
                    + " overBudget=" + leftOutByBudget + " used=" + budgetUsed;
        }
    }
}
