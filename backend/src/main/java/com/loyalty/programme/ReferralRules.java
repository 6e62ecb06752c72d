package com.loyalty.programme;

/**
 * Invitation rewards of a version. Nothing is ever given for sharing itself (WeChat platform rules).
 *
 * @param registeredPoints    to the inviter when the invitee completes registration (binds a phone)
 * @param firstPurchasePoints to the inviter on the invitee's first purchase
 * @param welcomePoints       to the invitee when they complete registration
 * @param dailyCap            most rewarded invitation events per inviter per business day
 * @param lifetimeCap         most rewarded invitation events per inviter ever
 */
public record ReferralRules(long registeredPoints, long firstPurchasePoints, long welcomePoints, int dailyCap,
                            int lifetimeCap) {
}
