package com.loyalty.shared.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * Encrypts phone numbers at rest with AES-256-GCM, gives a keyed hash for exact look-ups, and
 * masks numbers for display (138****1234).
 */
@Component
public class PhoneCipher {

    private static final byte VERSION = 1;
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec key;
    private final byte[] lookupKey;
    private final SecureRandom random = new SecureRandom();

    public PhoneCipher(CryptoProperties properties) {
        byte[] raw = decodeKey(properties.phoneKey());
        this.key = new SecretKeySpec(raw, "AES");
        this.lookupKey = Hmac.sha256(raw, "phone-lookup");
    }

    public byte[] encrypt(String phone) {
        try {
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            byte[] sealed = cipher.doFinal(phone.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.allocate(1 + IV_BYTES + sealed.length).put(VERSION).put(iv).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("phone encryption failed", e);
        }
    }

    public String decrypt(byte[] stored) {
        if (stored.length < 1 + IV_BYTES || stored[0] != VERSION) {
            throw new IllegalArgumentException("unknown phone cipher format");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, stored, 1, IV_BYTES));
            byte[] plain = cipher.doFinal(stored, 1 + IV_BYTES, stored.length - 1 - IV_BYTES);
            return new String(plain, StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("phone decryption failed: wrong key or tampered data", e);
        }
    }

    /** A deterministic keyed hash, so a phone number can be found without decrypting every row. */
    public byte[] lookupHash(String phone) {
        return Hmac.sha256(lookupKey, phone);
    }

    /**
     * The digits of a mainland phone number as members bind them (11 digits, a leading +86 or 86
     * and spaces or dashes dropped); null when it is not one.
     */
    public static String normalize(String typed) {
        String digits = typed.replaceAll("[\\s-]", "");
        if (digits.startsWith("+86")) {
            digits = digits.substring(3);
        } else if (digits.startsWith("86") && digits.length() == 13) {
            digits = digits.substring(2);
        }
        return digits.matches("1[0-9]{10}") ? digits : null;
    }

    /** 13812341234 becomes 138****1234; short numbers keep only their last two digits. */
    public static String mask(String phone) {
        if (phone.length() >= 7) {
            return phone.substring(0, 3) + "****" + phone.substring(phone.length() - 4);
        }
        return "*".repeat(Math.max(0, phone.length() - 2)) + phone.substring(Math.max(0, phone.length() - 2));
    }

    private static byte[] decodeKey(String base64) {
        byte[] raw = base64 == null || base64.isBlank() ? new byte[0] : Base64.getDecoder().decode(base64.trim());
        if (raw.length != 32) {
            throw new IllegalStateException(
                    "loyalty.crypto.phone-key (env LOYALTY_CRYPTO_PHONE_KEY) must be base64 of 32 random bytes");
        }
        return raw;
    }
}
