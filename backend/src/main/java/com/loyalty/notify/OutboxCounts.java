package com.loyalty.notify;

/**
 * Messages of one sender in the outbox by status: queued (all of them), still pending, sent,
 * failed, and skipped (no consent left, no openid or phone, or the member refused).
 */
public record OutboxCounts(long queued, long pending, long sent, long failed, long skipped) {
}
