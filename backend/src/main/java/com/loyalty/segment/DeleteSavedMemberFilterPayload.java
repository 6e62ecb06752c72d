package com.loyalty.segment;

import com.loyalty.shared.graphql.UserError;
import java.util.List;

/** Result of {@code deleteSavedMemberFilter}. */
public record DeleteSavedMemberFilterPayload(Long deletedSavedFilterId, List<UserError> userErrors) {

    public static DeleteSavedMemberFilterPayload of(long id) {
        return new DeleteSavedMemberFilterPayload(id, List.of());
    }

    public static DeleteSavedMemberFilterPayload failed(UserError error) {
        return new DeleteSavedMemberFilterPayload(null, List.of(error));
    }
}
