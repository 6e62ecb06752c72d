package com.loyalty.wechat;

import static org.assertj.core.api.Assertions.assertThat;

import cn.binarywang.wx.miniapp.api.WxMaService;
import com.github.binarywang.wxpay.service.WxPayService;
import com.loyalty.dev.wechat.FakeWeChatConfig;
import com.loyalty.dev.wechat.FakeWeChatServer;
import com.loyalty.dev.wechat.pay.FakeWeChatPayConfig;
import com.loyalty.dev.wechat.pay.FakeWeChatPayServer;
import com.loyalty.wechat.pay.WeChatPayConfig;
import com.loyalty.wechat.pay.WeChatPayProperties;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The fake switches with and without the dev jar's fakes: the production jar alone (only the
 * production configuration here) refuses {@code fake=true} and says where the fakes are; with the
 * dev configuration the clients point at the fakes; switched off, at WeChat.
 */
class StandInSwitchTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties({WeChatProperties.class, WeChatPayProperties.class})
    static class Production {
        @Bean
        Clock clock() {
            return Clock.systemUTC();
        }
    }

    private final ApplicationContextRunner production = new ApplicationContextRunner()
            .withUserConfiguration(Production.class, WeChatConfig.class, WeChatPayConfig.class)
            .withPropertyValues("loyalty.wechat.app-id=wx-app", "loyalty.wechat-pay.mch-id=1900000999",
                    "loyalty.wechat-pay.api-v3-key=test-only-apiv3-key-0123456789ab");

    @Test
    void withoutTheDevJarAFakeSwitchStopsTheStartAndSaysWhereTheFakesAre() {
        production.withPropertyValues("loyalty.wechat.fake=true").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause()
                    .hasMessageContaining("loyalty.wechat.fake=true, but the fake WeChat is not on the classpath")
                    .hasMessageContaining("-Dloader.path=backend/target/loyalty-backend-dev.jar");
        });
        production.withPropertyValues("loyalty.wechat-pay.fake=true").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause()
                    .hasMessageContaining("loyalty.wechat-pay.fake=true, but the fake WeChat Pay is not on the classpath");
        });
    }

    @Test
    void withTheSwitchesOffTheClientsTalkToWeChat() {
        production.withPropertyValues("loyalty.wechat.fake=false").run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(WxMaService.class).getWxMaConfig().getApiHostUrl())
                    .isEqualTo("https://api.weixin.qq.com");
            assertThat(context.getBean(WxPayService.class).getConfig().getApiHostUrl())
                    .isEqualTo("https://api.mch.weixin.qq.com");
            assertThat(context).doesNotHaveBean(FakeWeChatServer.class).doesNotHaveBean(FakeWeChatPayServer.class);
        });
    }

    @Test
    void withTheDevJarTheSwitchesPointTheClientsAtTheFakes() {
        production.withUserConfiguration(FakeWeChatConfig.class, FakeWeChatPayConfig.class)
                .withPropertyValues("loyalty.wechat.fake=true", "loyalty.wechat-pay.fake=true").run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBean(WxMaService.class).getWxMaConfig().getApiHostUrl())
                            .isEqualTo(context.getBean(FakeWeChatServer.class).baseUrl());
                    assertThat(context.getBean(WxPayService.class).getConfig().getApiHostUrl())
                            .isEqualTo(context.getBean(FakeWeChatPayServer.class).baseUrl());
                });
    }
}
