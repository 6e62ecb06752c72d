package com.loyalty.lottery;

import java.time.Instant;

/**
 * One recorded draw: who, against which pool version, the random value, what it landed on and gave
 * (the points, the coupon, or the mall redemption of a GOODS prize).
 */
public record LotteryDraw(long id, long lotteryId, String lotteryTitle, long memberId, int poolVersion,
                          int randomValue, Prize.Kind prizeKind, String prizeName, boolean fellToNothing,
                          long pointsWon, Long couponId, long costPoints, Instant createdAt, Long mallRedemptionId) {
}
