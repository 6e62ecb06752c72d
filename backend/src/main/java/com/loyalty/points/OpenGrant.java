package com.loyalty.points;

import java.time.Instant;

/** A bucket of granted points with some left. */
public record OpenGrant(long id, long remaining, Instant expiresAt) {
}
