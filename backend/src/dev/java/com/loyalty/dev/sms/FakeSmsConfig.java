package com.loyalty.dev.sms;

import com.loyalty.notify.SmsEndpointOverride;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * With {@code loyalty.notify.aliyun.fake=true} (dev profile, tests): starts the fake Alibaba Cloud
 * SMS on 127.0.0.1 and points the SMS client at it.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "loyalty.notify.aliyun.fake", havingValue = "true")
public class FakeSmsConfig {

    @Bean(destroyMethod = "stop")
    FakeSmsServer fakeSmsServer() {
        return FakeSmsServer.start(0);
    }

    @Bean
    SmsEndpointOverride fakeSmsEndpoint(FakeSmsServer fake) {
        return fake::baseUrl;
    }
}
