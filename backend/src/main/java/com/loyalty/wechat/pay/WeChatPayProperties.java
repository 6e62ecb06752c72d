package com.loyalty.wechat.pay;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The merchant's WeChat Pay (APIv3) credentials, from the environment: merchant id, APIv3 key,
 * the merchant API private key (PEM) and its certificate serial number, and WeChat Pay's public
 * key (PEM) with its id, which verifies notifications and answers. {@code notifyUrl} is where
 * WeChat Pay posts payment notifications (our {@code /wechat-pay/notify}). With {@code fake=true}
 * (dev profile and tests) a built-in fake WeChat Pay answers, with key pairs it makes at start.
 */
@ConfigurationProperties("loyalty.wechat-pay")
public record WeChatPayProperties(
        String mchId,
        String apiV3Key,
        String privateKey,
        String certSerialNo,
        String publicKeyId,
        String publicKey,
        @DefaultValue("https://api.mch.weixin.qq.com") String apiHostUrl,
        String notifyUrl,
        @DefaultValue("false") boolean fake) {
}
