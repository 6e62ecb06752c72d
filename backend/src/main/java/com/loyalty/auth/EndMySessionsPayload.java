package com.loyalty.auth;

import com.loyalty.shared.graphql.UserError;
import java.util.List;

/** Result of {@code endMySessions}: how many sign-ins of the account were ended. */
public record EndMySessionsPayload(int ended, List<UserError> userErrors) {
}
