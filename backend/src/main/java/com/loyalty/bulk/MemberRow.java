package com.loyalty.bulk;

import com.loyalty.member.Gender;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A checked row of a member file: ready to import. */
record MemberRow(long rowNo, String phone, String name, LocalDate birthday, Gender gender, Integer tierLevel,
                 long points, Instant pointsExpireAt, long storedValueCents, List<String> tags, Long storeId,
                 Instant registeredAt, String memberNo) {
}
