package com.loyalty.staff;

import com.loyalty.shared.graphql.UserError;
import java.util.List;

/** Result of {@code resetStaffPassword}: the temporary password, shown this once and stored only hashed. */
public record ResetStaffPasswordPayload(Staff staff, String temporaryPassword, List<UserError> userErrors) {

    static ResetStaffPasswordPayload of(Reset reset) {
        return new ResetStaffPasswordPayload(reset.staff(), reset.temporaryPassword(), List.of());
    }

    static ResetStaffPasswordPayload failed(UserError error) {
        return new ResetStaffPasswordPayload(null, null, List.of(error));
    }

    /** The account after the reset and its temporary password. */
    record Reset(Staff staff, String temporaryPassword) {
    }
}
