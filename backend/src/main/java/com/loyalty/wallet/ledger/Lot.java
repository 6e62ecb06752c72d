package com.loyalty.wallet.ledger;

import java.time.Instant;

/** What is left of one recharge: the unit the wallet spends from, refunds and reports per store. */
public record Lot(long id, long storeId, long principalRemaining, long bonusRemaining, Instant bonusExpiresAt) {

    /** The bonus that may still be spent at {@code now}. */
    public long spendableBonus(Instant now) {
        return bonusExpiresAt == null || bonusExpiresAt.isAfter(now) ? bonusRemaining : 0;
    }

    /** True when the bonus left is past its validity. */
    public boolean bonusExpired(Instant now) {
        return bonusRemaining > 0 && bonusExpiresAt != null && !bonusExpiresAt.isAfter(now);
    }
}
