package com.loyalty.notify;

import com.loyalty.shared.graphql.UserError;
import java.util.List;

/** Result of {@code grantSubscribeConsent}: every template with the member's consents left. */
public record GrantSubscribeConsentPayload(List<SubscribeTemplate> templates, List<UserError> userErrors) {

    public static GrantSubscribeConsentPayload of(List<SubscribeTemplate> templates) {
        return new GrantSubscribeConsentPayload(templates, List.of());
    }

    public static GrantSubscribeConsentPayload failed(UserError error) {
        return new GrantSubscribeConsentPayload(List.of(), List.of(error));
    }
}
