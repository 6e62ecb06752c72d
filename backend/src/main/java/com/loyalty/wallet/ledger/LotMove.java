package com.loyalty.wallet.ledger;

/** A change of one lot: positive adds to what the member holds, negative takes from it. */
public record LotMove(long lotId, long storeId, long principalCents, long bonusCents) {
}
