package com.loyalty.wechat.pay;

import com.github.binarywang.wxpay.config.WxPayConfig;
import com.github.binarywang.wxpay.service.WxPayService;
import com.github.binarywang.wxpay.service.impl.WxPayServiceImpl;
import com.loyalty.wechat.WeChatProperties;
import java.time.Clock;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The weixin-java-pay client in APIv3 "WeChat Pay public key" mode: requests signed with the
 * merchant key, answers and notifications verified with WeChat Pay's public key, nothing fetched
 * at start. With the fake enabled it points at the fake and uses the fake's key pairs.
 */
@Configuration(proxyBeanMethods = false)
public class WeChatPayConfig {

    @Bean(destroyMethod = "stop")
    @ConditionalOnProperty(name = "loyalty.wechat-pay.fake", havingValue = "true")
    FakeWeChatPayServer fakeWeChatPayServer(WeChatPayProperties properties, Clock clock) {
        return FakeWeChatPayServer.start(0, properties.mchId(), properties.apiV3Key(), clock);
    }

    /** Dev and tests only: {@code POST /dev/wechat-pay/pay/{outTradeNo}} makes the fake notify us that the member paid. */
    @Bean
    @ConditionalOnProperty(name = "loyalty.wechat-pay.fake", havingValue = "true")
    RouterFunction<ServerResponse> fakeWeChatPayRoutes(FakeWeChatPayServer fake) {
        return RouterFunctions.route().POST("/dev/wechat-pay/pay/{outTradeNo}", request -> Mono
                .fromCallable(() -> fake.pay(request.pathVariable("outTradeNo")))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(status -> ServerResponse.ok().contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(Map.of("notifyStatus", status)))
                .onErrorResume(IllegalArgumentException.class, e -> ServerResponse.notFound().build()))
                .build();
    }

    @Bean
    WxPayService wxPayService(WeChatPayProperties properties, WeChatProperties miniApp,
                              ObjectProvider<FakeWeChatPayServer> fake) {
        WxPayConfig config = new WxPayConfig();
        config.setAppId(miniApp.appId());
        config.setMchId(properties.mchId());
        config.setApiV3Key(properties.apiV3Key());
        config.setFullPublicKeyModel(true);
        FakeWeChatPayServer server = fake.getIfAvailable();
        if (server != null) {
            config.setApiHostUrl(server.baseUrl());
            config.setApiV3HttpClientBuilderCustomizer(builder -> builder.setDnsResolver(FakeWeChatPayServer.RESOLVER));
            config.setPrivateKeyString(server.keys().merchantPrivateKeyPem());
            config.setCertSerialNo(FakePayKeys.MERCHANT_SERIAL);
            config.setPublicKeyId(FakePayKeys.PUBLIC_KEY_ID);
            config.setPublicKeyString(server.keys().platformPublicKeyPem());
        } else {
            config.setApiHostUrl(properties.apiHostUrl());
            config.setPrivateKeyString(properties.privateKey());
            config.setCertSerialNo(properties.certSerialNo());
            config.setPublicKeyId(properties.publicKeyId());
            config.setPublicKeyString(properties.publicKey());
        }
        WxPayServiceImpl service = new WxPayServiceImpl();
        service.setConfig(config);
        return service;
    }
}
