package com.loyalty.staff;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * After {@code maxFailures} wrong passwords in a row for one username from one client address,
 * that username is locked at that address for {@code duration}; other addresses are not affected.
 */
@ConfigurationProperties("loyalty.staff.lockout")
record StaffLockoutProperties(@DefaultValue("5") int maxFailures, @DefaultValue("15m") Duration duration) {
}
