package com.loyalty.wallet.ledger;

import java.time.Instant;

/** What a wallet transaction records besides its entries. */
public record NewTxn(long brandId, long memberId, TxnKind kind, Long storeId, Long rechargeId, Long purchaseId,
                     Long refundId, Long staffId, String reference, Instant at) {
}
