package com.loyalty.lottery;

import java.time.Instant;
import java.util.List;

/** One version of a lottery's prize pool, in force from {@code effectiveFrom} until the next one's. */
public record PoolVersion(long id, long lotteryId, int version, Instant effectiveFrom, Instant createdAt,
                          List<Prize> prizes) {
}
