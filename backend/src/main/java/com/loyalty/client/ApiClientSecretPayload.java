package com.loyalty.client;

import com.loyalty.shared.graphql.UserError;
import java.util.List;

/**
 * GraphQL payload of createApiClient and rotateApiClientSecret: the client's credentials, its secret
 * shown this once (only its hash is kept).
 */
public record ApiClientSecretPayload(ApiClientDetail client, String clientId, String clientSecret,
                                     List<UserError> userErrors) {

    static ApiClientSecretPayload of(ApiClientDetail client, String secret) {
        return new ApiClientSecretPayload(client, String.valueOf(client.id()), secret, List.of());
    }

    static ApiClientSecretPayload failed(UserError error) {
        return new ApiClientSecretPayload(null, null, null, List.of(error));
    }
}
