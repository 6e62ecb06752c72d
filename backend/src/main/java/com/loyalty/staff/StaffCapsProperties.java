package com.loyalty.staff;

import com.loyalty.shared.security.Role;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How many points each staff role may grant without a second person
 * ({@code loyalty.staff-caps.roles.STORE_MANAGER.points-per-grant=500}); a role without a cap may grant
 * nothing by itself. Above a cap an {@code adjustPoints} grant waits for an admin's approval, and a
 * campaign's points are refused (an admin launches it). {@code maxAdjustment} bounds any single
 * adjustment, either way, for everybody.
 */
@ConfigurationProperties("loyalty.staff-caps")
public record StaffCapsProperties(Map<Role, Cap> roles, @DefaultValue("1000000") long maxAdjustment) {

    public StaffCapsProperties {
        roles = roles == null ? Map.of() : Map.copyOf(roles);
    }

    /**
     * @param pointsPerGrant  most points one grant (adjustPoints, or a campaign's points per member) may give
     * @param pointsPerDay    most points one staff member's adjustPoints grants may add up to per business day
     * @param campaignPoints  most points (the budget) a POINTS campaign this role launches may give in all
     */
    public record Cap(long pointsPerGrant, long pointsPerDay, long campaignPoints) {

        static final Cap NONE = new Cap(0, 0, 0);
    }

    /** The role's cap; nothing for a role without one. */
    public Cap of(Role role) {
        return roles.getOrDefault(role, Cap.NONE);
    }
}
