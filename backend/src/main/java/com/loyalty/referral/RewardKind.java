package com.loyalty.referral;

/** What an invitation reward was for. */
public enum RewardKind {
    /** The invitee completed registration: to the inviter. */
    REGISTERED,
    /** The invitee's first purchase: to the inviter. */
    FIRST_PURCHASE,
    /** The invitee's own welcome on completing registration. */
    WELCOME
}
