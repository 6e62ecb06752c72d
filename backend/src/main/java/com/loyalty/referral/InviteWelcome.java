package com.loyalty.referral;

/**
 * What a friend who opened an invitation sees before signing in: who invited them (masked) and what
 * joining gives them.
 *
 * @param inviterNickname the inviter's nickname, masked (小*)
 * @param welcomePoints   points the friend gets on completing registration (the referral welcome)
 * @param welcomeGift     the name of the coupon pack every new member gets; null: none
 */
public record InviteWelcome(String inviterNickname, long welcomePoints, String welcomeGift) {
}
