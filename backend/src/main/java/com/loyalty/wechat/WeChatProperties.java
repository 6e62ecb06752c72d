package com.loyalty.wechat;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The mini-program's credentials and WeChat's API host. With {@code fake=true} (dev profile and
 * tests) a built-in fake WeChat server answers instead, and the host points at it.
 */
@ConfigurationProperties("loyalty.wechat")
public record WeChatProperties(
        String appId,
        String secret,
        @DefaultValue("https://api.weixin.qq.com") String apiHostUrl,
        @DefaultValue("false") boolean fake) {
}
