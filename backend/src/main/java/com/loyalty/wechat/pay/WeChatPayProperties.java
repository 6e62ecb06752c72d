package com.loyalty.wechat.pay;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The merchant's WeChat Pay (APIv3) credentials, from the environment: merchant id, APIv3 key,
 * the merchant API private key (PEM) and its certificate serial number, and WeChat Pay's public
 * key (PEM) with its id, which verifies notifications and answers. {@code notifyUrl} is where
 * WeChat Pay posts payment notifications (our {@code /wechat-pay/notify}). (The dev jar's fake
 * WeChat Pay, switched on with {@code loyalty.wechat-pay.fake=true}, replaces host and keys; see
 * {@link WeChatPayConfig}.)
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
        String notifyUrl) {
}
