package com.loyalty.shared.crypto;

import java.security.SecureRandom;
import java.util.Base64;

/** Unguessable tokens and keys: random bytes from {@link SecureRandom}, base64url without padding. */
public final class RandomTokens {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private RandomTokens() {
    }

    /** {@code bytes} random bytes as base64url: 32 bytes give 43 characters. */
    public static String urlSafe(int bytes) {
        byte[] raw = new byte[bytes];
        RANDOM.nextBytes(raw);
        return BASE64URL.encodeToString(raw);
    }
}
