package com.loyalty.wechat;

/** WeChat did not deliver a subscribe message; {@code errcode} is WeChat's (-1 when unreachable). */
public class SubscribeSendException extends RuntimeException {

    /** The member refused or turned off messages of this template (no consent left). */
    public static final int USER_REFUSED = 43101;
    /** The access token was invalid even after the SDK fetched a new one. */
    public static final int INVALID_TOKEN = 40001;

    private final int errcode;

    public SubscribeSendException(int errcode, String message) {
        super(errcode + " " + message, null, false, false);
        this.errcode = errcode;
    }

    public int errcode() {
        return errcode;
    }
}
