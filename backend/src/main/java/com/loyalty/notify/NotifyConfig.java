package com.loyalty.notify;

import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * The SMS sender: Alibaba Cloud SMS with {@code loyalty.notify.sms-provider=aliyun} (the start
 * fails when its settings are missing), the logging one with {@code log}, a provider's bean when
 * one is declared, otherwise one that refuses (SMS messages FAIL).
 */
@Configuration(proxyBeanMethods = false)
class NotifyConfig {

    @Bean
    @ConditionalOnProperty(name = "loyalty.notify.sms-provider", havingValue = "log")
    LoggingSmsSender loggingSmsSender() {
        return new LoggingSmsSender();
    }

    @Bean
    @ConditionalOnProperty(name = "loyalty.notify.sms-provider", havingValue = "aliyun")
    SmsSender aliyunSmsSender(AliyunSmsProperties properties, ObjectProvider<SmsEndpointOverride> overrides,
                              Environment env, JsonMapper json) {
        List<SmsEndpointOverride> override = overrides.orderedStream().toList();
        com.loyalty.wechat.StandInSwitch.requireStandIn(env, "loyalty.notify.aliyun.fake", "the fake SMS provider",
                override);
        List<String> missing = properties.missing();
        if (!missing.isEmpty()) {
            throw new IllegalStateException("loyalty.notify.sms-provider=aliyun, but these settings are missing: "
                    + String.join(", ", missing) + ". Set them in the environment, or set LOYALTY_NOTIFY_SMS_PROVIDER=none "
                    + "to run without SMS (SMS messages then fail).");
        }
        String endpoint = override.isEmpty() ? properties.endpoint() : override.get(0).endpoint();
        return new AliyunSmsSender(properties, endpoint, json);
    }

    @Bean
    @ConditionalOnMissingBean(SmsSender.class)
    SmsSender unavailableSmsSender() {
        return (phone, template, params, reference) -> Mono.error(
                new SmsSender.SmsException("no SMS provider configured (loyalty.notify.sms-provider)", false));
    }
}
