package com.loyalty.wallet.ledger;

/** Why money moved in the stored-value books. */
public enum TxnKind {
    /** A recharge went through: principal and bonus in. */
    RECHARGE,
    /** Part of a purchase paid at the till. */
    PAYMENT,
    /** A refund of a purchase gave stored value back. */
    PURCHASE_REFUND,
    /** A recharge was refunded: unspent principal paid back, its bonus forfeited. */
    RECHARGE_REFUND,
    /** Bonus past its validity was forfeited. */
    BONUS_EXPIRY,
    /** A balance brought from the brand's previous system by the member import. */
    OPENING
}
