package com.loyalty.wechat.pay;

/** A payment notification as it travels over HTTP: the raw body and WeChat Pay's signature headers. */
public record PayNotification(String body, String serial, String signature, String timestamp, String nonce) {
}
