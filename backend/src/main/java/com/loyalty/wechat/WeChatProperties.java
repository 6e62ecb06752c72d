package com.loyalty.wechat;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The mini-program's credentials and WeChat's API host. (The dev jar's fake WeChat, switched on
 * with {@code loyalty.wechat.fake=true}, replaces the host; see {@link WeChatConfig}.)
 * {@code codeEnvVersion} is the version of the mini-program that generated mini-program codes open:
 * {@code release}, or {@code trial} / {@code develop} while testing.
 */
@ConfigurationProperties("loyalty.wechat")
public record WeChatProperties(
        String appId,
        String secret,
        @DefaultValue("https://api.weixin.qq.com") String apiHostUrl,
        @DefaultValue("release") String codeEnvVersion) {
}
