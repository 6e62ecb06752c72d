package com.loyalty.media;

import com.loyalty.shared.crypto.RandomTokens;
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

    private MediaKeys() {
    }

    static String newKey(ImageFormat format) {
        return RandomTokens.urlSafe(32) + "." + format.extension();
    }

    /** The format of a well-formed key; empty for anything else. */
    static Optional<ImageFormat> formatOf(String key) {
        if (key == null || !KEY.matcher(key).matches()) {
            return Optional.empty();
        }
        return Optional.of(key.endsWith(".png") ? ImageFormat.PNG : ImageFormat.JPEG);
    }
}
