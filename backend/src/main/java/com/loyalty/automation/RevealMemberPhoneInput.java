package com.loyalty.automation;

/**
 * GraphQL input of {@code revealMemberPhone}: the member to call, and why: the follow-up task of the
 * call list, or a reason in words (1 to 200 characters) when there is no task.
 */
public record RevealMemberPhoneInput(Long memberId, Long followUpTaskId, String reason) {
}
