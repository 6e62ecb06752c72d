package com.loyalty.dev.wechat;

import com.loyalty.wechat.WxMpConfigCustomizer;
import me.chanjar.weixin.mp.config.WxMpHostConfig;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * With {@code loyalty.wechat.official-account.fake=true} (dev profile, tests): starts the fake
 * official account on 127.0.0.1 and points the weixin-java-mp client at it.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "loyalty.wechat.official-account.fake", havingValue = "true")
public class FakeOfficialAccountConfig {

    @Bean(destroyMethod = "stop")
    FakeOfficialAccountServer fakeOfficialAccountServer() {
        return FakeOfficialAccountServer.start(0);
    }

    @Bean
    WxMpConfigCustomizer fakeOfficialAccountHost(FakeOfficialAccountServer fake) {
        return config -> config.setHostConfig(new WxMpHostConfig(fake.baseUrl(), fake.baseUrl(), fake.baseUrl()));
    }
}
