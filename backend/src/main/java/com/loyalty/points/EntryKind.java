package com.loyalty.points;

/** Why a ledger entry moved points. */
public enum EntryKind {
    /** Earned on a purchase. */
    EARN,
    /** Paid part of a purchase at the till. */
    REDEEM,
    /** Earned points taken back by a refund. */
    REFUND_REVERSE,
    /** Redeemed points given back by a refund. */
    REFUND_RETURN,
    /** Changed by a manager, with a reason. */
    ADJUST,
    /** Expired. */
    EXPIRE,
    /** Rewarded for a daily check-in. */
    CHECK_IN,
    /** Paid to make up a missed check-in. */
    MAKE_UP,
    /** Rewarded for an invitation that became a member or a buyer, or as the invitee's welcome. */
    REFERRAL,
    /** Paid for a coupon from the coupon centre. */
    COUPON_EXCHANGE,
    /** Given by a campaign. */
    CAMPAIGN,
    /** Given with a stored-value recharge package (taken back when the recharge is refunded). */
    RECHARGE,
    /** Brought from the brand's previous system by the bulk import, with its expiry. */
    OPENING,
    /** Rewarded for attending a member event (checked in at the door), once per member and event. */
    EVENT,
    /** The reward of a completed stamp card (集章). */
    STAMP_CARD,
    /** Paid for goods in the points mall. */
    MALL_REDEEM,
    /** Given back when a mall redemption is cancelled or expires unpicked. */
    MALL_RETURN,
    /** Paid for a lottery draw (积分抽奖). */
    LOTTERY_DRAW,
    /** Won in a lottery draw. */
    LOTTERY_PRIZE;

    /** True for what leaderboards count as points earned: earnings, less points refunds took back. */
    public boolean countsAsEarned() {
        return this == EARN || this == CHECK_IN || this == REFERRAL || this == REFUND_REVERSE;
    }
}
