package com.loyalty.notify;

/** How a notification reaches the member. */
public enum Channel {
    /** A one-time WeChat subscribe message; needs a consent for its template. */
    WECHAT_SUBSCRIBE,
    /** A template message of the brand's official account (公众号), to a member who follows it; service notices only. */
    OFFICIAL_ACCOUNT,
    /** A text message to the member's bound phone number. */
    SMS
}
