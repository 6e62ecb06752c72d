package com.loyalty.wallet.ledger;

/**
 * The accounts of the stored-value books. The member's two accounts are what the brand owes the
 * member; the others are their counter-accounts. In entries a credit is positive, a debit negative.
 */
public enum Account {
    /** What the member paid in and has not spent: owed to the member. */
    MEMBER_PRINCIPAL,
    /** Bonus the member was given and has not spent: owed while it is valid. */
    MEMBER_BONUS,
    /** Cash taken (or paid back) at the counter. */
    CASH_RECEIVED,
    /** Bank card payments taken (or paid back) at the counter. */
    CARD_RECEIVED,
    /** Money WeChat Pay collected for us (or paid back). */
    WECHAT_PAY_CLEARING,
    /** Goods paid with stored value. */
    SALES,
    /** Bonus given with recharges. */
    BONUS_EXPENSE,
    /** Bonus taken back: expired, or its recharge refunded. */
    BONUS_FORFEIT,
    /** Stored value members brought from the brand's previous system (the member import's opening balances). */
    OPENING_BALANCE
}
