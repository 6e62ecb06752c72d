package com.loyalty.wechat.pay;

import com.github.binarywang.wxpay.config.WxPayConfig;

/**
 * Adjusts the WeChat Pay client's configuration after {@link WeChatPayConfig} filled it from
 * {@code loyalty.wechat-pay.*}. The production jar has none; the dev jar's fake WeChat Pay points
 * the client at itself and its key pairs with one.
 */
@FunctionalInterface
public interface WxPayConfigCustomizer {

    void customize(WxPayConfig config);
}
