package com.loyalty.wallet.recharge;

import com.loyalty.wallet.ledger.Account;

/** How the member paid for a recharge: at the counter in cash or by card, or online with WeChat Pay. */
public enum RechargeChannel {
    CASH,
    CARD,
    WECHAT_PAY,
    /** Not paid here: the balance a member brought from the brand's previous system (the member import). */
    OPENING;

    /** The account a recharge's money came in through. */
    public Account account() {
        switch (this) {
            case CASH:
                return Account.CASH_RECEIVED;
            case CARD:
                return Account.CARD_RECEIVED;
            case OPENING:
                // what is left of an opening balance is paid back in cash at the counter
                return Account.CASH_RECEIVED;
            default:
                return Account.WECHAT_PAY_CLEARING;
        }
    }
}
