package com.loyalty.client;

import com.loyalty.shared.graphql.UserError;
import java.util.List;

/** GraphQL payload of updateApiClient and revokeApiClient. */
public record ApiClientPayload(ApiClientDetail client, List<UserError> userErrors) {

    static ApiClientPayload of(ApiClientDetail client) {
        return new ApiClientPayload(client, List.of());
    }

    static ApiClientPayload failed(UserError error) {
        return new ApiClientPayload(null, List.of(error));
    }
}
