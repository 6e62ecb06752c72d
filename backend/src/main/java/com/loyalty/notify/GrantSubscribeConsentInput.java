package com.loyalty.notify;

import java.util.List;

/** GraphQL input of {@code grantSubscribeConsent}: the template ids the member accepted. */
public record GrantSubscribeConsentInput(List<String> templateIds) {
}
