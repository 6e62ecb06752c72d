package com.loyalty.wechat;

/** What code2session tells about the user behind a login code. */
public record WeChatSession(String openid, String unionid) {
}
