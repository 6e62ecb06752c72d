package com.loyalty.auth;

import com.loyalty.shared.graphql.BusinessException;
import com.loyalty.shared.graphql.ErrorCode;
import java.time.Instant;

/**
 * A sign-in refused because the member's account is closing: {@code login} answers
 * ACCOUNT_CLOSURE_PENDING with {@code closesAt}, and only a sign-in with cancelClosure keeps the account.
 */
public class AccountClosurePending extends BusinessException {

    private final transient Instant closesAt;

    /** {@code message}: Chinese, with the erase date, e.g. "账户将于2026-12-01注销…". */
    public AccountClosurePending(Instant closesAt, String message) {
        super(ErrorCode.ACCOUNT_CLOSURE_PENDING, message);
        this.closesAt = closesAt;
    }

    public Instant closesAt() {
        return closesAt;
    }
}
