package com.loyalty.wechat.pay;

/** The arguments of the mini-program's {@code wx.requestPayment}, signed with the merchant key. */
public record JsapiPayParams(String appId, String timeStamp, String nonceStr, String packageValue, String signType,
                             String paySign) {
}
