package com.loyalty.wallet.card;

import com.loyalty.wallet.ledger.TxnKind;
import java.time.Instant;

/** One line of the member's stored-value history: a transaction as the member's accounts saw it. */
public record WalletEntry(long id, TxnKind kind, long principalCents, long bonusCents, Long storeId, String reference,
                          String orderNo, Instant createdAt) {

    public long amountCents() {
        return principalCents + bonusCents;
    }
}
