package com.loyalty.wechat;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The brand's official account (公众号), bound to the same WeChat Open Platform account as the
 * mini-program so that both give a member the same unionid ({@code loyalty.wechat.official-account}).
 * Without an app id no template message is sent (service notices fall back to the next channel).
 *
 * @param appId      the official account's app id
 * @param secret     its AppSecret (LOYALTY_WECHAT_OA_SECRET)
 * @param token      the server configuration's Token: WeChat signs its event pushes with it (LOYALTY_WECHAT_OA_TOKEN)
 * @param apiHostUrl WeChat's API host; the dev jar's fake replaces it ({@code fake=true})
 * @param fake       true: the dev jar's fake official account answers (dev, tests); never in production
 */
@ConfigurationProperties("loyalty.wechat.official-account")
public record OfficialAccountProperties(
        String appId,
        String secret,
        String token,
        @DefaultValue("https://api.weixin.qq.com") String apiHostUrl,
        @DefaultValue("false") boolean fake) {

    /** Whether an official account is configured. */
    public boolean enabled() {
        return appId != null && !appId.isBlank();
    }
}
