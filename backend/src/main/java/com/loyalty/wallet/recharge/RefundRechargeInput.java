package com.loyalty.wallet.recharge;

/** GraphQL input of {@code refundRecharge}. */
public record RefundRechargeInput(Long rechargeId, String reason) {
}
