package com.loyalty.wechat;

import java.util.List;
import me.chanjar.weixin.mp.api.WxMpService;
import me.chanjar.weixin.mp.api.impl.WxMpServiceImpl;
import me.chanjar.weixin.mp.config.WxMpHostConfig;
import me.chanjar.weixin.mp.config.impl.WxMpDefaultConfigImpl;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** The weixin-java-mp client of the brand's official account (the dev jar's fake re-points it). */
@Configuration(proxyBeanMethods = false)
class OfficialAccountConfig {

    @Bean
    WxMpService wxMpService(OfficialAccountProperties properties, Environment env,
                            ObjectProvider<WxMpConfigCustomizer> customizers) {
        List<WxMpConfigCustomizer> adjustments = customizers.orderedStream().toList();
        StandInSwitch.requireStandIn(env, "loyalty.wechat.official-account.fake", "the fake official account",
                adjustments);
        WxMpDefaultConfigImpl config = new WxMpDefaultConfigImpl();
        config.setAppId(properties.appId());
        config.setSecret(properties.secret());
        config.setToken(properties.token());
        String host = properties.apiHostUrl();
        config.setHostConfig(new WxMpHostConfig(host, WxMpHostConfig.MP_DEFAULT_HOST_URL,
                WxMpHostConfig.OPEN_DEFAULT_HOST_URL));
        adjustments.forEach(c -> c.customize(config));
        WxMpServiceImpl service = new WxMpServiceImpl();
        service.setWxMpConfigStorage(config);
        return service;
    }
}
