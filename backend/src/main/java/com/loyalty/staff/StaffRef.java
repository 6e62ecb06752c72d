package com.loyalty.staff;

/** Who a staff account is, as records that name one (who scheduled, asked, decided) show it: no role, store or state. */
public record StaffRef(long id, String username, String displayName) {
}
