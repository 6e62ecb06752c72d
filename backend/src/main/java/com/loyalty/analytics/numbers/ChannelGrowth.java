package com.loyalty.analytics.numbers;

import com.loyalty.member.RegistrationChannel;

/** New members of a range through one registration channel. */
public record ChannelGrowth(RegistrationChannel channel, int newMembers, int newMembersWithPhone) {
}
