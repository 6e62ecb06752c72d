package com.loyalty.wechat;

import cn.binarywang.wx.miniapp.api.WxMaService;
import cn.binarywang.wx.miniapp.api.impl.WxMaServiceImpl;
import cn.binarywang.wx.miniapp.config.impl.WxMaDefaultConfigImpl;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The weixin-java-miniapp client, pointed at WeChat. In development the dev jar's fake WeChat
 * ({@code loyalty.wechat.fake=true}) re-points it with a {@link WxMaConfigCustomizer}; without
 * the dev jar that switch stops the start ({@link StandInSwitch}).
 */
@Configuration(proxyBeanMethods = false)
public class WeChatConfig {

    @Bean
    WxMaService wxMaService(WeChatProperties properties, Environment env,
                            ObjectProvider<WxMaConfigCustomizer> customizers) {
        List<WxMaConfigCustomizer> adjustments = customizers.orderedStream().toList();
        StandInSwitch.requireStandIn(env, "loyalty.wechat.fake", "the fake WeChat", adjustments);
        WxMaDefaultConfigImpl config = new WxMaDefaultConfigImpl();
        config.setAppid(properties.appId());
        config.setSecret(properties.secret());
        config.setApiHostUrl(properties.apiHostUrl());
        adjustments.forEach(c -> c.customize(config));
        WxMaServiceImpl service = new WxMaServiceImpl();
        service.setWxMaConfig(config);
        return service;
    }
}
