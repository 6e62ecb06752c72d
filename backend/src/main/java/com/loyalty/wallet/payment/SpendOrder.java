package com.loyalty.wallet.payment;

/** In which order a payment uses principal and bonus. */
public enum SpendOrder {
    /** In proportion to what the member holds of each (the default). */
    PROPORTIONAL,
    /** Principal first, bonus only when the principal is used up. */
    PRINCIPAL_FIRST,
    /** Bonus first (it may expire), then principal. */
    BONUS_FIRST
}
