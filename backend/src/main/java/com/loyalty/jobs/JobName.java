package com.loyalty.jobs;

/**
 * The jobs that run on a schedule and can be run by hand, each with its default cron in business
 * time (override with {@code loyalty.jobs.cron.<JOB_NAME>}).
 */
public enum JobName {
    /** Ten past midnight: yesterday's expiries and the next reminders. */
    POINTS_EXPIRY("0 10 0 * * *"),
    /** Twenty past midnight on the 1st: the monthly tier review. */
    TIER_REVIEW("0 20 0 1 * *"),
    /** Half past midnight on the 1st, after the review: each tier's monthly benefit coupons. */
    TIER_BENEFITS("0 30 0 1 * *"),
    /** Nine in the morning: reminders for coupons about to expire. */
    COUPON_REMINDERS("0 0 9 * * *"),
    /** Half past one: RFM scores, quadrants, lifecycle stages and rule tags for every member. */
    MEMBER_SEGMENTS("0 30 1 * * *"),
    /** Ten in the morning: wake-up, birthday, repurchase and follow-up rules. */
    AUTOMATION("0 0 10 * * *"),
    /** Every minute: sends the notifications that are due. */
    SEND_NOTIFICATIONS("0 * * * * *", false),
    /** Five past midnight: rolls yesterday up into the analytics tables. */
    ANALYTICS_ROLLUP("0 5 0 * * *"),
    /** Twenty to one: yesterday's points and coupon rollups for analytics, and any day marked dirty. */
    ECONOMY_ROLLUP("0 40 0 * * *"),
    /** Three in the morning: association rules and best sellers for recommendations, mined afresh. */
    RECOMMENDATION_RULES("0 0 3 * * *"),
    /** Quarter past midnight: forfeits stored-value bonus whose validity has ended. */
    WALLET_BONUS_EXPIRY("0 15 0 * * *"),
    /** Ten to one: erases the accounts whose closure cooling-off period has ended. */
    ACCOUNT_ERASURE("0 50 0 * * *"),
    /** Three in the morning: purges audit and scan logs older than the retention periods. */
    PRIVACY_RETENTION("0 0 3 * * *"),
    /** Every five minutes: starts scheduled campaigns, runs monthly ones on the 1st, ends those past their end. */
    CAMPAIGNS("0 */5 * * * *", false),
    /** Every ten minutes: rebuilds the coupon stock gates in Redis from Postgres (units a stopped backend took). */
    COUPON_STOCK_RECONCILE("0 */10 * * * *", false),
    /** Every minute: tells members of a coupon's early tiers that their early access opened. */
    COUPON_EARLY_ACCESS("0 * * * * *", false),
    /** Every hour: gives back the points and stock of mall pickups past their deadline. */
    MALL_PICKUP_EXPIRY("0 0 * * * *", false),
    /** Every five minutes: tells members of the tiers with early access to mall goods that it opened. */
    MALL_EARLY_ACCESS("0 */5 * * * *", false),
    /** Every five minutes: records lotteries past their end time as ended (audited as done by the system). */
    LOTTERY_END("0 */5 * * * *", false);

    private final String defaultCron;
    private final boolean oncePerDate;

    JobName(String defaultCron) {
        this(defaultCron, true);
    }

    JobName(String defaultCron, boolean oncePerDate) {
        this.defaultCron = defaultCron;
        this.oncePerDate = oncePerDate;
    }

    /** Whether the schedule runs it once per business date (all but the every-minute sender). */
    public boolean oncePerDate() {
        return oncePerDate;
    }

    public String defaultCron() {
        return defaultCron;
    }
}
