package com.loyalty.segment;

/**
 * GraphQL input {@code MemberSearch} of {@code findMembers}: exactly one of a phone number (exact),
 * a member code token (scanned or typed; not used up) or text the nickname contains.
 */
public record MemberSearch(String phone, String code, String nickname) {
}
