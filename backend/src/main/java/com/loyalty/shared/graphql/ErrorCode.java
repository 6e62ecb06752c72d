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
    PHONE_IN_USE,
    USERNAME_TAKEN,
    STORE_NAME_TAKEN,
    STORE_NOT_FOUND,
    STAFF_NOT_FOUND,
    MEMBER_NOT_FOUND,
    CODE_INVALID,
    CODE_EXPIRED,
    CODE_USED
}
