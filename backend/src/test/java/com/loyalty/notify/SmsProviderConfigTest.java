package com.loyalty.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.mock.env.MockEnvironment;
import tools.jackson.databind.json.JsonMapper;

/** Alibaba Cloud SMS switched on without its settings stops the start and names what is missing. */
class SmsProviderConfigTest {

    private final DefaultListableBeanFactory none = new DefaultListableBeanFactory();

    @Test
    void aliyunWithoutKeysSignatureOrCallbackTokenRefusesToStartAndSaysWhatToSet() {
        AliyunSmsProperties empty = new AliyunSmsProperties(null, " ", null, "https://dysmsapi.aliyuncs.com",
                "short", 5000, false);

        assertThatThrownBy(() -> new NotifyConfig().aliyunSmsSender(empty, none.getBeanProvider(SmsEndpointOverride.class),
                new MockEnvironment(), JsonMapper.builder().build()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("LOYALTY_SMS_ALIYUN_ACCESS_KEY_ID")
                .hasMessageContaining("LOYALTY_SMS_ALIYUN_ACCESS_KEY_SECRET")
                .hasMessageContaining("LOYALTY_SMS_ALIYUN_SIGN_NAME")
                .hasMessageContaining("LOYALTY_SMS_CALLBACK_TOKEN");
    }

    @Test
    void theFakeProviderSwitchWithoutTheDevJarRefusesToStart() {
        AliyunSmsProperties fake = new AliyunSmsProperties("id", "secret", "好茶", "https://dysmsapi.aliyuncs.com",
                "a-callback-token-of-some-length", 5000, true);

        assertThatThrownBy(() -> new NotifyConfig().aliyunSmsSender(fake, none.getBeanProvider(SmsEndpointOverride.class),
                new MockEnvironment().withProperty("loyalty.notify.aliyun.fake", "true"), JsonMapper.builder().build()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("loyalty.notify.aliyun.fake=true");
    }

    @Test
    void fullyConfiguredItStartsAgainstTheConfiguredEndpoint() {
        AliyunSmsProperties real = new AliyunSmsProperties("id", "secret", "好茶", "https://dysmsapi.aliyuncs.com",
                "a-callback-token-of-some-length", 5000, false);

        assertThat(real.missing()).isEmpty();
        assertThat(new NotifyConfig().aliyunSmsSender(real, none.getBeanProvider(SmsEndpointOverride.class),
                new MockEnvironment(), JsonMapper.builder().build())).isInstanceOf(AliyunSmsSender.class);
        assertThat(List.of(AliyunSmsProperties.hostAndProtocol("http://127.0.0.1:4100")))
                .containsExactly("127.0.0.1:4100", "http");
    }

    @Test
    void providerErrorsAreRetryableOnlyWhenALaterAttemptMayGetPastThem() {
        assertThat(List.of("isp.SYSTEM_ERROR", "Throttling.User", "isv.BUSINESS_LIMIT_CONTROL", "isv.AMOUNT_NOT_ENOUGH"))
                .allMatch(AliyunSmsSender::retryable);
        assertThat(List.of("isv.MOBILE_NUMBER_ILLEGAL", "isv.SMS_TEMPLATE_ILLEGAL", "InvalidAccessKeyId.NotFound"))
                .noneMatch(AliyunSmsSender::retryable);
    }
}
