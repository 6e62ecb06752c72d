package com.loyalty.wallet.ledger;

/** A counter-entry of a transaction: a credit when positive, a debit when negative. */
public record Posting(Account account, Long storeId, long amountCents) {
}
