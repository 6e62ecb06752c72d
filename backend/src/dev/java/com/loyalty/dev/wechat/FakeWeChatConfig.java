package com.loyalty.dev.wechat;

import com.loyalty.wechat.WxMaConfigCustomizer;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * With {@code loyalty.wechat.fake=true} (dev and bench profiles, tests): starts the fake WeChat on
 * 127.0.0.1 and points the mini-program client at it.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "loyalty.wechat.fake", havingValue = "true")
public class FakeWeChatConfig {

    @Bean(destroyMethod = "stop")
    FakeWeChatServer fakeWeChatServer() {
        return FakeWeChatServer.start(0);
    }

    @Bean
    WxMaConfigCustomizer fakeWeChatHost(FakeWeChatServer fake) {
        return config -> config.setApiHostUrl(fake.baseUrl());
    }
}
