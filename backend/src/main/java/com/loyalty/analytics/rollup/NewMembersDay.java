package com.loyalty.analytics.rollup;

import com.loyalty.member.RegistrationChannel;
import java.time.LocalDate;

/** Members who registered on a day at a store (null: none) through a channel, and how many had a phone by that day's end. */
public record NewMembersDay(LocalDate day, Long storeId, RegistrationChannel channel, long members, long withPhone) {
}
