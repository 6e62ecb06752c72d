package com.loyalty.notify;

import java.util.Map;
import reactor.core.publisher.Mono;

/**
 * Sends a text message through an SMS provider. Declare a bean of a real provider to replace the
 * built-in ones (logging in dev and tests, unavailable otherwise).
 */
public interface SmsSender {

    /**
     * Sends template {@code template} with its parameters to the (decrypted) phone number;
     * fails with {@link SmsException} when the provider refuses or cannot be reached.
     */
    Mono<Void> send(String phone, String template, Map<String, String> params);

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
