package com.loyalty.membercode;

/** GraphQL input of {@code scanMemberCode}. */
public record ScanMemberCodeInput(String token) {
}
