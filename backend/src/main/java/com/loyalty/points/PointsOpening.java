package com.loyalty.points;

import java.time.Instant;

/** Points a member brings from the brand's previous system: how many, when they expire, as of when. */
public record PointsOpening(long memberId, long points, Instant expiresAt, Instant at) {
}
