package com.loyalty.segment;

import java.time.Instant;

/** A member filter a marketer named to reuse (the audience builder, campaign audiences). */
public record SavedMemberFilter(long id, long brandId, String name, MemberFilter filter, long createdBy,
                                Instant createdAt, Instant updatedAt) {
}
