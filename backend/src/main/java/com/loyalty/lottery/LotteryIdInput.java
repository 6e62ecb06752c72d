package com.loyalty.lottery;

public record LotteryIdInput(Long lotteryId) {
}
