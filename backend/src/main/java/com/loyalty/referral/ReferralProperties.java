package com.loyalty.referral;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Invitation rewards. Nothing is ever given for sharing itself (WeChat platform rules).
 *
 * @param registeredPoints    to the inviter when the invitee completes registration (binds a phone)
 * @param firstPurchasePoints to the inviter on the invitee's first purchase
 * @param welcomePoints       to the invitee when they complete registration
 * @param dailyCap            most rewarded invitations events per inviter per business day
 * @param lifetimeCap         most rewarded invitation events per inviter ever
 */
@ConfigurationProperties("loyalty.referral")
record ReferralProperties(
        @DefaultValue("50") long registeredPoints,
        @DefaultValue("100") long firstPurchasePoints,
        @DefaultValue("20") long welcomePoints,
        @DefaultValue("10") int dailyCap,
        @DefaultValue("200") int lifetimeCap) {
}
