package com.loyalty.wallet;

import java.time.Instant;

/**
 * One movement of a member's stored value: why ({@code kind}: RECHARGE, PAYMENT, PURCHASE_REFUND,
 * RECHARGE_REFUND, BONUS_EXPIRY), where, by how much (principal and bonus, cents) and the balances after.
 */
public record WalletChange(long brandId, long memberId, String kind, Long storeId, Long purchaseId, Long rechargeId,
                           long principalDeltaCents, long bonusDeltaCents, long principalCents, long bonusCents,
                           Instant at) {
}
