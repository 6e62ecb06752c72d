package com.loyalty.segment;

import java.math.BigDecimal;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Thresholds for RFM and lifecycle ({@code loyalty.segments.*}): the RFM window, the score from
 * which an axis counts as high, and the day counts that move a member between stages.
 */
@ConfigurationProperties("loyalty.segments")
public record SegmentProperties(
        @DefaultValue("365") int rfmWindowDays,
        @DefaultValue("3") int highScore,
        @DefaultValue("30") int newDays,
        @DefaultValue("30") int dormantDays,
        @DefaultValue("90") int churnedDays,
        @DefaultValue("1.5") BigDecimal decliningFactor) {
}
