package com.loyalty.wallet.recharge;

/** GraphQL input of {@code rechargeAtTill}. */
public record RechargeAtTillInput(String memberCodeToken, Long packageId, Long storeId, String receiptNo,
                                  RechargeChannel paidBy) {
}
