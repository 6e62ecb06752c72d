package com.loyalty.referral;

/** GraphQL input of {@code recordShare}. */
public record RecordShareInput(String page) {
}
