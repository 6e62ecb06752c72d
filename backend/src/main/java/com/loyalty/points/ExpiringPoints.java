package com.loyalty.points;

import java.time.Instant;

/** Points that expire together at one time. */
public record ExpiringPoints(long points, Instant expiresAt) {
}
