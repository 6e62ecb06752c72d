package com.loyalty.wechat;

import cn.binarywang.wx.miniapp.api.WxMaService;
import cn.binarywang.wx.miniapp.api.impl.WxMaServiceImpl;
import cn.binarywang.wx.miniapp.config.impl.WxMaDefaultConfigImpl;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The weixin-java-miniapp client, pointed at WeChat or, when enabled, at the fake server. */
@Configuration(proxyBeanMethods = false)
public class WeChatConfig {

    @Bean(destroyMethod = "stop")
    @ConditionalOnProperty(name = "loyalty.wechat.fake", havingValue = "true")
    FakeWeChatServer fakeWeChatServer() {
        return FakeWeChatServer.start(0);
    }

    @Bean
    WxMaService wxMaService(WeChatProperties properties, ObjectProvider<FakeWeChatServer> fake) {
        WxMaDefaultConfigImpl config = new WxMaDefaultConfigImpl();
        config.setAppid(properties.appId());
        config.setSecret(properties.secret());
        FakeWeChatServer server = fake.getIfAvailable();
        config.setApiHostUrl(server != null ? server.baseUrl() : properties.apiHostUrl());
        WxMaServiceImpl service = new WxMaServiceImpl();
        service.setWxMaConfig(config);
        return service;
    }
}
