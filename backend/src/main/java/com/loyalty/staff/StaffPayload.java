package com.loyalty.staff;

import com.loyalty.shared.graphql.UserError;
import java.util.List;

/** Result of a mutation on a staff account. */
public record StaffPayload(Staff staff, List<UserError> userErrors) {

    public static StaffPayload of(Staff staff) {
        return new StaffPayload(staff, List.of());
    }

    public static StaffPayload failed(UserError error) {
        return new StaffPayload(null, List.of(error));
    }
}
