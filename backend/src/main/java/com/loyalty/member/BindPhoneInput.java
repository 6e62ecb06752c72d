package com.loyalty.member;

/** GraphQL input of {@code bindPhone}: the code from WeChat's getPhoneNumber button. */
public record BindPhoneInput(String code) {
}
