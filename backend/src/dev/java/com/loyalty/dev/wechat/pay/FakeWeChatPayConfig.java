package com.loyalty.dev.wechat.pay;

import com.loyalty.wechat.pay.WeChatPayProperties;
import com.loyalty.wechat.pay.WxPayConfigCustomizer;
import java.time.Clock;
import java.util.Map;
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
 * With {@code loyalty.wechat-pay.fake=true} (dev profile, tests): starts the fake WeChat Pay with
 * key pairs of its own, points the WeChat Pay client at it and its keys, and adds the route that
 * makes it send an order's payment notification.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "loyalty.wechat-pay.fake", havingValue = "true")
public class FakeWeChatPayConfig {

    @Bean(destroyMethod = "stop")
    FakeWeChatPayServer fakeWeChatPayServer(WeChatPayProperties properties, Clock clock) {
        return FakeWeChatPayServer.start(0, properties.mchId(), properties.apiV3Key(), clock);
    }

    @Bean
    WxPayConfigCustomizer fakeWeChatPayEndpoint(FakeWeChatPayServer fake) {
        return config -> {
            config.setApiHostUrl(fake.baseUrl());
            config.setApiV3HttpClientBuilderCustomizer(builder -> builder.setDnsResolver(FakeWeChatPayServer.RESOLVER));
            config.setPrivateKeyString(fake.keys().merchantPrivateKeyPem());
            config.setCertSerialNo(FakePayKeys.MERCHANT_SERIAL);
            config.setPublicKeyId(FakePayKeys.PUBLIC_KEY_ID);
            config.setPublicKeyString(fake.keys().platformPublicKeyPem());
        };
    }

    /** {@code POST /dev/wechat-pay/pay/{outTradeNo}} makes the fake notify us that the member paid. */
    @Bean
    RouterFunction<ServerResponse> fakeWeChatPayRoutes(FakeWeChatPayServer fake) {
        return RouterFunctions.route().POST("/dev/wechat-pay/pay/{outTradeNo}", request -> Mono
                .fromCallable(() -> fake.pay(request.pathVariable("outTradeNo")))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(status -> ServerResponse.ok().contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(Map.of("notifyStatus", status)))
                .onErrorResume(IllegalArgumentException.class, e -> ServerResponse.notFound().build()))
                .build();
    }
}
