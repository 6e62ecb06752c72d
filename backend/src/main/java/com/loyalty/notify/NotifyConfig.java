package com.loyalty.notify;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import reactor.core.publisher.Mono;

/**
 * The SMS sender: a provider's bean when one is declared, the logging one with
 * {@code loyalty.notify.sms-provider=log}, otherwise one that refuses (SMS messages FAIL).
 */
@Configuration(proxyBeanMethods = false)
class NotifyConfig {

    @Bean
    @ConditionalOnProperty(name = "loyalty.notify.sms-provider", havingValue = "log")
    LoggingSmsSender loggingSmsSender() {
        return new LoggingSmsSender();
    }

    @Bean
    @ConditionalOnMissingBean(SmsSender.class)
    SmsSender unavailableSmsSender() {
        return (phone, template, params) -> Mono.error(
                new SmsSender.SmsException("no SMS provider configured (loyalty.notify.sms-provider)", false));
    }
}
