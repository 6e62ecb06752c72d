package com.loyalty.checkin;

import com.loyalty.shared.graphql.UserError;
import java.util.List;

/** Result of {@code checkIn} and {@code makeUpCheckIn}. */
public record CheckInPayload(CheckIn checkIn, CheckInCalendar calendar, List<UserError> userErrors) {

    public static CheckInPayload failed(UserError error) {
        return new CheckInPayload(null, null, List.of(error));
    }
}
