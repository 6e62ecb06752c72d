/**
 * The points lottery (积分抽奖): lotteries run by marketers with a versioned prize pool and a budget,
 * members' draws paid and won through the points ledger (and coupons through the coupon module),
 * each draw recorded with its pool version and random value so that it can be audited.
 */
package com.loyalty.lottery;
