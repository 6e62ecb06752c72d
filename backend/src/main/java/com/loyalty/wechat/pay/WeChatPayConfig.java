package com.loyalty.wechat.pay;

import com.github.binarywang.wxpay.config.WxPayConfig;
import com.github.binarywang.wxpay.service.WxPayService;
import com.github.binarywang.wxpay.service.impl.WxPayServiceImpl;
import com.loyalty.wechat.StandInSwitch;
import com.loyalty.wechat.WeChatProperties;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The weixin-java-pay client in APIv3 "WeChat Pay public key" mode: requests signed with the
 * merchant key, answers and notifications verified with WeChat Pay's public key, nothing fetched
 * at start. In development the dev jar's fake WeChat Pay ({@code loyalty.wechat-pay.fake=true})
 * re-points it at itself and its key pairs with a {@link WxPayConfigCustomizer}; without the dev
 * jar that switch stops the start ({@link StandInSwitch}).
 */
@Configuration(proxyBeanMethods = false)
public class WeChatPayConfig {

    @Bean
    WxPayService wxPayService(WeChatPayProperties properties, WeChatProperties miniApp, Environment env,
                              ObjectProvider<WxPayConfigCustomizer> customizers) {
        List<WxPayConfigCustomizer> adjustments = customizers.orderedStream().toList();
        StandInSwitch.requireStandIn(env, "loyalty.wechat-pay.fake", "the fake WeChat Pay", adjustments);
        WxPayConfig config = new WxPayConfig();
        config.setAppId(miniApp.appId());
        config.setMchId(properties.mchId());
        config.setApiV3Key(properties.apiV3Key());
        config.setFullPublicKeyModel(true);
        config.setApiHostUrl(properties.apiHostUrl());
        config.setPrivateKeyString(properties.privateKey());
        config.setCertSerialNo(properties.certSerialNo());
        config.setPublicKeyId(properties.publicKeyId());
        config.setPublicKeyString(properties.publicKey());
        adjustments.forEach(c -> c.customize(config));
        WxPayServiceImpl service = new WxPayServiceImpl();
        service.setConfig(config);
        return service;
    }
}
