package com.loyalty.points;

/** GraphQL input of {@code adjustPoints}. */
public record AdjustPointsInput(Long memberId, Long delta, String reason, String idempotencyKey) {
}
