package com.loyalty.membercode;

import java.time.Instant;

/**
 * A signed, single-use member code and when it stops being accepted: the token for the QR code and
 * the same code as 18 digits, for the barcode and for typing at the till.
 */
public record MemberCode(String token, String digits, Instant expiresAt) {
}
