package com.loyalty.automation;

import com.loyalty.shared.graphql.UserError;
import java.util.List;

/** Result of {@code updateAutomationRule}. */
public record AutomationRulePayload(AutomationRule rule, List<UserError> userErrors) {

    public static AutomationRulePayload of(AutomationRule rule) {
        return new AutomationRulePayload(rule, List.of());
    }

    public static AutomationRulePayload failed(UserError error) {
        return new AutomationRulePayload(null, List.of(error));
    }
}
