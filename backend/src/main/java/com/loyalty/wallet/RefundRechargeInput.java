package com.loyalty.wallet;

/** GraphQL input of {@code refundRecharge}. */
public record RefundRechargeInput(Long rechargeId, String reason) {
}
