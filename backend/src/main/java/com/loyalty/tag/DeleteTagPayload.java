package com.loyalty.tag;

import com.loyalty.shared.graphql.UserError;
import java.util.List;

/** Result of {@code deleteTag}. */
public record DeleteTagPayload(Long deletedTagId, List<UserError> userErrors) {

    public static DeleteTagPayload of(long tagId) {
        return new DeleteTagPayload(tagId, List.of());
    }

    public static DeleteTagPayload failed(UserError error) {
        return new DeleteTagPayload(null, List.of(error));
    }
}
