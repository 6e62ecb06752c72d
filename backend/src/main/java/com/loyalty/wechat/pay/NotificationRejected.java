package com.loyalty.wechat.pay;

/** A payment notification failed verification (signature, key id, age or format); {@code reason} says which. */
public class NotificationRejected extends RuntimeException {

    public NotificationRejected(String reason) {
        super(reason, null, false, false);
    }
}
