package com.loyalty.media;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Object keys: 256 random bits in base64url and the stored format's extension
 * ({@code 3q2-7w...Zk.jpg}), so nobody can guess another member's key, and the content type
 * served comes from our own key rather than from anything uploaded. Anything else is no key (and
 * never reaches a store, so no path can climb out of the local directory).
 */
final class MediaKeys {

    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_-]{43}\\.(jpg|png)");
    private static final SecureRandom RANDOM = new SecureRandom();

    private MediaKeys() {
    }

    static String newKey(ImageFormat format) {
        byte[] bits = new byte[32];
        RANDOM.nextBytes(bits);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bits) + "." + format.extension();
    }

    /** The format of a well-formed key; empty for anything else. */
    static Optional<ImageFormat> formatOf(String key) {
        if (key == null || !KEY.matcher(key).matches()) {
            return Optional.empty();
        }
        return Optional.of(key.endsWith(".png") ? ImageFormat.PNG : ImageFormat.JPEG);
    }
}
