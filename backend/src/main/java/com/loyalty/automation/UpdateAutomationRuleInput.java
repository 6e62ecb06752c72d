package com.loyalty.automation;

/** GraphQL input of {@code updateAutomationRule}: fields left out stay as they are; clearPack removes the pack. */
public record UpdateAutomationRuleInput(RuleName rule, Boolean enabled, Integer threshold, Long packId,
                                        Boolean clearPack, String message) {
}
