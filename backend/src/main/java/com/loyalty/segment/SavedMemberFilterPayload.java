package com.loyalty.segment;

import com.loyalty.shared.graphql.UserError;
import java.util.List;

/** Result of {@code saveMemberFilter} and {@code updateSavedMemberFilter}. */
public record SavedMemberFilterPayload(SavedMemberFilter savedFilter, List<UserError> userErrors) {

    public static SavedMemberFilterPayload of(SavedMemberFilter savedFilter) {
        return new SavedMemberFilterPayload(savedFilter, List.of());
    }

    public static SavedMemberFilterPayload failed(UserError error) {
        return new SavedMemberFilterPayload(null, List.of(error));
    }
}
