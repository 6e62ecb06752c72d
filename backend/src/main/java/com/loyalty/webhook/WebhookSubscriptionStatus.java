package com.loyalty.webhook;

/** Whether a subscription gets events: ACTIVE does; PAUSED (by an admin) and DISABLED (after repeated failure) do not. */
public enum WebhookSubscriptionStatus {
    ACTIVE,
    PAUSED,
    DISABLED
}
