package com.loyalty.lottery;

public record DrawLotteryInput(Long lotteryId, String idempotencyKey) {
}
