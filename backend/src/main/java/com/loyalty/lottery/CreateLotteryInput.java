package com.loyalty.lottery;

import java.time.Instant;
import java.util.List;

public record CreateLotteryInput(String title, String rulesText, Instant startsAt, Instant endsAt, Long costPoints,
                                 Integer dailyLimit, Integer totalLimit, Long budgetPoints, Long budgetCoupons,
                                 List<PrizeInput> prizes) {
}
