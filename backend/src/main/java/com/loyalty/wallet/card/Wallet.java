package com.loyalty.wallet.card;

/** What a member holds on the stored-value card and can spend: principal plus bonus still valid. */
public record Wallet(long memberId, long principalCents, long bonusCents) {

    public long balanceCents() {
        return principalCents + bonusCents;
    }
}
