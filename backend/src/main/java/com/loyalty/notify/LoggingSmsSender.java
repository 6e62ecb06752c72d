package com.loyalty.notify;

import com.loyalty.shared.crypto.PhoneCipher;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * The SMS sender of dev and tests: logs each message (number masked) instead of sending it, and
 * keeps the last ones in memory so tests and developers can read what was "sent".
 */
public class LoggingSmsSender implements SmsSender {

    private static final Logger log = LoggerFactory.getLogger(LoggingSmsSender.class);
    private static final int KEEP = 1000;

    /** A text message as it would have gone to the provider. */
    public record Sms(String phone, String template, Map<String, String> params) {
    }

    private final List<Sms> sent = new ArrayList<>();

    @Override
    public Mono<String> send(String phone, String template, Map<String, String> params, String reference) {
        return Mono.<String>fromRunnable(() -> {
            log.info("SMS {} to {}: {}", template, PhoneCipher.mask(phone), params);
            synchronized (sent) {
                if (sent.size() == KEEP) {
                    sent.remove(0);
                }
                sent.add(new Sms(phone, template, Map.copyOf(params)));
            }
        });
    }

    /** The messages "sent" to that number, oldest first. */
    public List<Sms> sentTo(String phone) {
        synchronized (sent) {
            return sent.stream().filter(sms -> sms.phone().equals(phone)).toList();
        }
    }
}
