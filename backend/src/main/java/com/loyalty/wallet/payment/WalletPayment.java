package com.loyalty.wallet.payment;

/** What the stored-value card paid of a purchase, and what refunds gave back to it. */
public record WalletPayment(long principalCents, long bonusCents, long returnedPrincipalCents, long returnedBonusCents) {

    public long amountCents() {
        return principalCents + bonusCents;
    }
}
