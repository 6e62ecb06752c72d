package com.loyalty.analytics.shared;

import com.loyalty.analytics.AnalyticsScope;
import org.springframework.r2dbc.core.Parameter;

/**
 * The members whose numbers a scope covers: every member of the brand, or for a store the members
 * who registered there or have bought there at least once (what they do anywhere in the brand counts).
 */
public final class ScopedMembers {

    /** A condition on {@code member m}; binds {@code :b} (brand) and {@code :s} (store or null). */
    public static final String CONDITION = """
            m.brand_id = :b and (cast(:s as bigint) is null or m.registration_store_id = :s
                 or exists (select 1 from purchase sp where sp.member_id = m.id and sp.store_id = :s))""";

    private ScopedMembers() {
    }

    /** The store to bind as {@code :s}; empty for the whole brand. */
    public static Parameter store(AnalyticsScope scope) {
        return Parameter.fromOrEmpty(scope.storeId(), Long.class);
    }
}
