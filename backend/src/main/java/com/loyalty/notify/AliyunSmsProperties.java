package com.loyalty.notify;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Alibaba Cloud SMS ({@code loyalty.notify.aliyun}), used with {@code loyalty.notify.sms-provider=aliyun}.
 *
 * @param accessKeyId     the RAM user's AccessKey id (LOYALTY_SMS_ALIYUN_ACCESS_KEY_ID), allowed dysms:SendSms only
 * @param accessKeySecret its secret (LOYALTY_SMS_ALIYUN_ACCESS_KEY_SECRET)
 * @param signName        the approved signature (短信签名) every message carries, e.g. 好茶会员
 * @param endpoint        the API's address; the dev jar's fake provider replaces it ({@code fake=true})
 * @param callbackToken   the secret part of the receipt and reply URLs given to the SMS console
 *                        (/sms/aliyun/{token}/report and /up): Alibaba Cloud does not sign its pushes
 * @param timeoutMillis   connect and read timeout of one call
 * @param fake            true: the dev jar's fake provider answers (dev, tests); never in production
 */
@ConfigurationProperties("loyalty.notify.aliyun")
record AliyunSmsProperties(
        String accessKeyId,
        String accessKeySecret,
        String signName,
        @DefaultValue("https://dysmsapi.aliyuncs.com") String endpoint,
        String callbackToken,
        @DefaultValue("5000") int timeoutMillis,
        @DefaultValue("false") boolean fake) {

    /** The settings that are missing for sending (empty when it can send), by property name. */
    List<String> missing() {
        List<String> missing = new ArrayList<>();
        if (blank(accessKeyId)) {
            missing.add("loyalty.notify.aliyun.access-key-id (LOYALTY_SMS_ALIYUN_ACCESS_KEY_ID)");
        }
        if (blank(accessKeySecret)) {
            missing.add("loyalty.notify.aliyun.access-key-secret (LOYALTY_SMS_ALIYUN_ACCESS_KEY_SECRET)");
        }
        if (blank(signName)) {
            missing.add("loyalty.notify.aliyun.sign-name (LOYALTY_SMS_ALIYUN_SIGN_NAME)");
        }
        if (blank(callbackToken) || callbackToken.length() < 16) {
            missing.add("loyalty.notify.aliyun.callback-token of 16 characters or more (LOYALTY_SMS_CALLBACK_TOKEN)");
        }
        return missing;
    }

    /** The endpoint's host (and port) and protocol, as the SDK's Config takes them. */
    static String[] hostAndProtocol(String endpoint) {
        URI uri = URI.create(endpoint.contains("://") ? endpoint : "https://" + endpoint);
        String host = uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
        return new String[] {host, uri.getScheme()};
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
