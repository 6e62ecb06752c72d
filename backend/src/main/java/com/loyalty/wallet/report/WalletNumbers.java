package com.loyalty.wallet.report;

import com.loyalty.wallet.ledger.Account;
import com.loyalty.wallet.ledger.TxnKind;
import java.time.LocalDate;

/**
 * Stored-value flows over business days {@code start..end}: recharges (principal and bonus
 * given), spending net of purchase refunds, recharge refunds and forfeited bonus.
 */
public record WalletNumbers(LocalDate start, LocalDate end, long recharges, long rechargedCents,
                            long bonusGrantedCents, long spentPrincipalCents, long spentBonusCents,
                            long rechargeRefundedCents, long bonusForfeitedCents) {

    static WalletNumbers empty(LocalDate start, LocalDate end) {
        return new WalletNumbers(start, end, 0, 0, 0, 0, 0, 0, 0);
    }

    /** These numbers plus one row of the books (a kind of transaction, a member account, its cents and count). */
    WalletNumbers plus(TxnKind kind, Account account, long cents, long txns) {
        boolean principal = account == Account.MEMBER_PRINCIPAL;
        switch (kind) {
            case RECHARGE:
            case OPENING:
                return principal ? with(recharges + txns, rechargedCents + cents, bonusGrantedCents, spentPrincipalCents,
                        spentBonusCents, rechargeRefundedCents, bonusForfeitedCents)
                        : with(recharges, rechargedCents, bonusGrantedCents + cents, spentPrincipalCents,
                        spentBonusCents, rechargeRefundedCents, bonusForfeitedCents);
            case PAYMENT:
            case PURCHASE_REFUND:
                return principal ? with(recharges, rechargedCents, bonusGrantedCents, spentPrincipalCents - cents,
                        spentBonusCents, rechargeRefundedCents, bonusForfeitedCents)
                        : with(recharges, rechargedCents, bonusGrantedCents, spentPrincipalCents,
                        spentBonusCents - cents, rechargeRefundedCents, bonusForfeitedCents);
            default:
                return principal ? with(recharges, rechargedCents, bonusGrantedCents, spentPrincipalCents,
                        spentBonusCents, rechargeRefundedCents - cents, bonusForfeitedCents)
                        : with(recharges, rechargedCents, bonusGrantedCents, spentPrincipalCents,
                        spentBonusCents, rechargeRefundedCents, bonusForfeitedCents - cents);
        }
    }

    /** What the bonus members spent cost the brand: goods handed over for no money. */
    public long bonusCostCents() {
        return spentBonusCents;
    }

    private WalletNumbers with(long n, long recharged, long granted, long spentP, long spentB, long refunded,
                               long forfeited) {
        return new WalletNumbers(start, end, n, recharged, granted, spentP, spentB, refunded, forfeited);
    }
}
