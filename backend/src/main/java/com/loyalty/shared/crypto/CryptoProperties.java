package com.loyalty.shared.crypto;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** The base64 AES-256 key for phone numbers at rest (env LOYALTY_CRYPTO_PHONE_KEY). */
@ConfigurationProperties("loyalty.crypto")
record CryptoProperties(String phoneKey) {
}
