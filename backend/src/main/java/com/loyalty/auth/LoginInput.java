package com.loyalty.auth;

/**
 * GraphQL input of {@code login}. {@code cancelClosure}: the member chose to keep an account that is
 * closing (without it such a sign-in is refused with ACCOUNT_CLOSURE_PENDING).
 */
public record LoginInput(String code, String inviterCode, Long storeId, Boolean cancelClosure) {

    public boolean cancelsClosure() {
        return Boolean.TRUE.equals(cancelClosure);
    }
}
