package com.loyalty.wallet;

import java.time.Instant;

/** Stored value a member brings from the brand's previous system: cents, the store that holds it, as of when. */
public record WalletOpening(long memberId, long storeId, long cents, Instant at) {
}
