package com.loyalty.wechat;

import cn.binarywang.wx.miniapp.config.impl.WxMaDefaultConfigImpl;

/**
 * Adjusts the mini-program client's configuration after {@link WeChatConfig} filled it from
 * {@code loyalty.wechat.*}. The production jar has none; the dev jar's fake WeChat points the
 * client at itself with one.
 */
@FunctionalInterface
public interface WxMaConfigCustomizer {

    void customize(WxMaDefaultConfigImpl config);
}
