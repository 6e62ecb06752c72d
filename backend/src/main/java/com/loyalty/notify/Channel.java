package com.loyalty.notify;

/** How a notification reaches the member. */
public enum Channel {
    /** A one-time WeChat subscribe message; needs a consent for its template. */
    WECHAT_SUBSCRIBE,
    /** A text message to the member's bound phone number. */
    SMS
}
