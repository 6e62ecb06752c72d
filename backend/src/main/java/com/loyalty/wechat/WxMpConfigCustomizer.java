package com.loyalty.wechat;

import me.chanjar.weixin.mp.config.impl.WxMpDefaultConfigImpl;

/**
 * Adjusts the official account client's configuration after {@link OfficialAccountConfig} filled it.
 * The production jar has none; the dev jar's fake official account points the client at itself.
 */
@FunctionalInterface
public interface WxMpConfigCustomizer {

    void customize(WxMpDefaultConfigImpl config);
}
