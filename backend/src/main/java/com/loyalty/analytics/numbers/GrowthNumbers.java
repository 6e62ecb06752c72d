package com.loyalty.analytics.numbers;

import java.time.LocalDate;

/**
 * Member growth of a period: who joined (and bound a phone the day they joined), and all members
 * at the period's end with the share that have a phone. Shares are null when there is nobody.
 */
public record GrowthNumbers(LocalDate start, LocalDate end, int newMembers, int newMembersWithPhone,
                            Double newMemberPhoneShare, int members, int membersWithPhone, Double phoneShare) {
}
