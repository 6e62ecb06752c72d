package com.loyalty.notify;

/** A subscribe-message template the mini-program asks consent for, and the member's consents left. */
public record SubscribeTemplate(String purpose, String templateId, int remainingConsents) {
}
