package com.loyalty.wallet;

/** How the member paid for a recharge: at the counter in cash or by card, or online with WeChat Pay. */
public enum RechargeChannel {
    CASH,
    CARD,
    WECHAT_PAY
}
