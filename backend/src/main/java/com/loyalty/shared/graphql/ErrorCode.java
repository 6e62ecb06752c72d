package com.loyalty.shared.graphql;

/** Stable codes of business failures, mirrored by the GraphQL enum {@code ErrorCode}. */
public enum ErrorCode {
    INVALID_INPUT,
    WECHAT_CODE_INVALID,
    WECHAT_CODE_USED,
    WECHAT_UNAVAILABLE,
    REFRESH_TOKEN_INVALID,
    REFRESH_TOKEN_REUSED,
    BAD_CREDENTIALS,
    ACCOUNT_DISABLED,
    BIRTHDAY_CHANGE_LIMIT,
    PHONE_CODE_INVALID,
    PHONE_IN_USE
}
