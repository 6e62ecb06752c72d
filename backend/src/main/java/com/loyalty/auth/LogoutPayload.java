package com.loyalty.auth;

import com.loyalty.shared.graphql.UserError;
import java.util.List;

/** Result of {@code logout}. */
public record LogoutPayload(boolean revoked, List<UserError> userErrors) {
}
