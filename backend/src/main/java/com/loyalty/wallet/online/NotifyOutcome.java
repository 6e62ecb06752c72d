package com.loyalty.wallet.online;

/** What became of a payment notification. */
enum NotifyOutcome {
    /** Verified and booked: the recharge counts. */
    CREDITED,
    /** Verified, but the order was booked before: nothing changed. */
    DUPLICATE,
    /** Not verified or not matching our order: nothing changed, kept for review. */
    REJECTED
}
