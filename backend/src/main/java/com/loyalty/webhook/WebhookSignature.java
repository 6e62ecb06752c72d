package com.loyalty.webhook;

import com.loyalty.shared.crypto.Hmac;
import java.util.HexFormat;
import java.util.List;

/**
 * The {@code Loyalty-Signature} header, as Stripe signs: {@code t=<unix seconds>,v1=<hex HMAC-SHA256 of
 * "t.body" keyed with the secret's text>}, with one {@code v1} per secret in use (two for a while after
 * a rotation). A receiver computes the same with its secret, compares in constant time and rejects an
 * old {@code t} (docs/integration.md "Webhooks").
 */
public final class WebhookSignature {

    /** The header names. */
    public static final String SIGNATURE = "Loyalty-Signature";
    public static final String EVENT_ID = "Loyalty-Event-Id";
    public static final String EVENT_TYPE = "Loyalty-Event-Type";

    private WebhookSignature() {
    }

    /** The header's value for the body sent at {@code unixSeconds}, signed with each secret in order. */
    public static String header(long unixSeconds, String body, List<String> secrets) {
        StringBuilder header = new StringBuilder("t=").append(unixSeconds);
        for (String secret : secrets) {
            header.append(",v1=").append(sign(unixSeconds, body, secret));
        }
        return header.toString();
    }

    /** The hex HMAC-SHA256 of {@code "<t>.<body>"} keyed with the secret's UTF-8 bytes. */
    public static String sign(long unixSeconds, String body, String secret) {
        return HexFormat.of().formatHex(Hmac.sha256(secret.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                unixSeconds + "." + body));
    }
}
