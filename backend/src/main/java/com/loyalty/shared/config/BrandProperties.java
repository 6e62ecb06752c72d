package com.loyalty.shared.config;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** The brand this deployment serves and the zone its business days and months are counted in. */
@ConfigurationProperties("loyalty.brand")
public record BrandProperties(@DefaultValue("1") long id, @DefaultValue("Asia/Shanghai") ZoneId zone) {

    /** The business date now, by the clock, in the brand's zone. */
    public LocalDate today(Clock clock) {
        return LocalDate.ofInstant(clock.instant(), zone);
    }
}
