package com.loyalty.notify;

import java.util.Map;
import reactor.core.publisher.Mono;

/**
 * Sends a text message through an SMS provider: Alibaba Cloud SMS ({@code sms-provider=aliyun}),
 * the log (dev only, {@code log}), or none. Declare a bean of another provider to replace them.
 */
public interface SmsSender {

    /**
     * Sends template {@code template} with its named parameters to the (decrypted) phone number;
     * {@code reference} (the outbox message's id) comes back in the provider's delivery receipt.
     * Gives the provider's id of the message (empty when it has none), or fails with
     * {@link SmsException} when the provider refuses or cannot be reached.
     */
    Mono<String> send(String phone, String template, Map<String, String> params, String reference);

    /** An SMS that could not be sent; {@code retryable} when trying later may work. */
    class SmsException extends RuntimeException {

        private final boolean retryable;

        public SmsException(String message, boolean retryable) {
            super(message, null, false, false);
            this.retryable = retryable;
        }

        public boolean retryable() {
            return retryable;
        }
    }
}
