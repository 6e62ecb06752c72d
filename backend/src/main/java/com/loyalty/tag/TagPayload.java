package com.loyalty.tag;

import com.loyalty.shared.graphql.UserError;
import java.util.List;

/** Result of {@code createTag} and {@code updateTag}. */
public record TagPayload(Tag tag, List<UserError> userErrors) {

    public static TagPayload of(Tag tag) {
        return new TagPayload(tag, List.of());
    }

    public static TagPayload failed(UserError error) {
        return new TagPayload(null, List.of(error));
    }
}
