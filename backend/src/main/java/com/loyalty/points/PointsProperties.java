package com.loyalty.points;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How points are run (not the programme's rules: those are versions in the programme module,
 * docs/rules.md "Changing the rules").
 *
 * @param reminderDays members are reminded this many days before points expire
 */
@ConfigurationProperties("loyalty.points")
public record PointsProperties(
        @DefaultValue("30") int reminderDays) {
}
