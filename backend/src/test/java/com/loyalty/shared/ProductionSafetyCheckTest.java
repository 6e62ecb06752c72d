package com.loyalty.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.loyalty.shared.config.ProductionSafetyCheck;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class ProductionSafetyCheckTest {

    @Test
    void productionWithTheDevSecretsAndTheFakeWeChatRefusesToStartAndSaysWhy() {
        MockEnvironment production = new MockEnvironment()
                .withProperty("loyalty.auth.jwt-secret", "dev-only-jwt-secret-change-me-0123456789abcdef")
                .withProperty("loyalty.bootstrap-admin.password", "admin-dev-password")
                .withProperty("loyalty.wechat.fake", "true");

        assertThatThrownBy(() -> new ProductionSafetyCheck(production))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("loyalty.auth.jwt-secret is a development default")
                .hasMessageContaining("loyalty.bootstrap-admin.password is a development default")
                .hasMessageContaining("loyalty.wechat.fake=true");
    }

    @Test
    void productionWithItsOwnSecretsStarts() {
        MockEnvironment production = new MockEnvironment()
                .withProperty("loyalty.auth.jwt-secret", "a-real-secret-from-the-vault-4f8a9c2e7b1d0e3f")
                .withProperty("loyalty.wechat.secret", "real-wechat-secret")
                .withProperty("loyalty.wechat.fake", "false");

        assertThat(new ProductionSafetyCheck(production)).isNotNull();
    }

    @Test
    void theDevProfileMayUseItsDefaults() {
        MockEnvironment dev = new MockEnvironment()
                .withProperty("loyalty.auth.jwt-secret", "dev-only-jwt-secret-change-me-0123456789abcdef")
                .withProperty("loyalty.demo-data", "true")
                .withProperty("loyalty.wechat.fake", "true");
        dev.setActiveProfiles("dev");

        assertThat(new ProductionSafetyCheck(dev)).isNotNull();
    }

    @Test
    void productionRefusesTheFakeSmsProviderAndTheSmsSecretsOfThisRepository() {
        MockEnvironment production = new MockEnvironment()
                .withProperty("loyalty.notify.aliyun.fake", "true")
                .withProperty("loyalty.notify.aliyun.access-key-secret", "dev-only-sms-secret")
                .withProperty("loyalty.notify.aliyun.callback-token", "test-only-sms-callback-token");

        assertThatThrownBy(() -> new ProductionSafetyCheck(production))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("loyalty.notify.aliyun.fake=true")
                .hasMessageContaining("loyalty.notify.aliyun.access-key-secret is a development default")
                .hasMessageContaining("loyalty.notify.aliyun.callback-token is a development default");
    }

    @Test
    void productionRefusesToStartWithTheFakeWeChatPay() {
        MockEnvironment production = new MockEnvironment().withProperty("loyalty.wechat-pay.fake", "true");

        assertThatThrownBy(() -> new ProductionSafetyCheck(production))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("loyalty.wechat-pay.fake=true");
    }

    @Test
    void productionRefusesForwardHeadersThatTrustEveryCaller() {
        for (String strategy : new String[] {"framework", "native"}) {
            MockEnvironment production = new MockEnvironment().withProperty("server.forward-headers-strategy", strategy);

            assertThatThrownBy(() -> new ProductionSafetyCheck(production))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("server.forward-headers-strategy=" + strategy)
                    .hasMessageContaining("loyalty.http.trusted-proxies");
        }
    }

    @Test
    void productionRefusesToHandOutAvatarUrlsThatAreNotItsPublicHttpsAddress() {
        MockEnvironment localhost = new MockEnvironment().withProperty("loyalty.media.public-url", "http://localhost:8080");

        assertThatThrownBy(() -> new ProductionSafetyCheck(localhost))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("loyalty.media.public-url=http://localhost:8080")
                .hasMessageContaining("LOYALTY_MEDIA_PUBLIC_URL");
        assertThat(new ProductionSafetyCheck(new MockEnvironment()
                .withProperty("loyalty.media.public-url", "https://loyalty.brand.cn"))).isNotNull();
    }

    @Test
    void productionRefusesAConsoleRefreshCookieThatMayTravelOverPlainHttp() {
        MockEnvironment insecure = new MockEnvironment().withProperty("loyalty.console.secure-cookie", "false");

        assertThatThrownBy(() -> new ProductionSafetyCheck(insecure))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("loyalty.console.secure-cookie=false");
        assertThat(new ProductionSafetyCheck(new MockEnvironment()
                .withProperty("loyalty.console.secure-cookie", "true"))).isNotNull();
        MockEnvironment dev = new MockEnvironment().withProperty("loyalty.console.secure-cookie", "false");
        dev.setActiveProfiles("dev");
        assertThat(new ProductionSafetyCheck(dev)).isNotNull();
    }
}
