package com.loyalty.membercode;

import java.time.Instant;

/** A signed, single-use member code and when it stops being accepted. */
public record MemberCode(String token, Instant expiresAt) {
}
