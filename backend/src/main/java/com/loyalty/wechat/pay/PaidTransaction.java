package com.loyalty.wechat.pay;

/** What a verified payment notification says about one transaction. */
public record PaidTransaction(String outTradeNo, String transactionId, String tradeState, long totalCents,
                              String mchId, String appId, String payerOpenid) {

    public boolean succeeded() {
        return "SUCCESS".equals(tradeState);
    }
}
