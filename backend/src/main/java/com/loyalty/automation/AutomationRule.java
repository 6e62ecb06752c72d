package com.loyalty.automation;

import java.util.Map;

/**
 * A brand's settings for one rule: whether it runs, its threshold (days, or for REPURCHASE the
 * percent of the member's usual interval), the coupon pack it gives and its message template.
 */
public record AutomationRule(long brandId, RuleName rule, boolean enabled, int threshold, Long packId,
                             String message, long id) {

    /** The message with {name} placeholders filled in; unknown placeholders stay as they are. */
    public String render(Map<String, String> values) {
        String text = message;
        for (Map.Entry<String, String> v : values.entrySet()) {
            text = text.replace("{" + v.getKey() + "}", v.getValue() == null ? "" : v.getValue());
        }
        return text;
    }
}
