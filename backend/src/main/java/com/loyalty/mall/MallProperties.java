package com.loyalty.mall;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** The mall's settings: how many days a member has to pick up a redemption before it expires and is given back. */
@ConfigurationProperties("loyalty.mall")
public record MallProperties(@DefaultValue("14") int pickupDays) {

    public MallProperties {
        if (pickupDays < 1 || pickupDays > 365) {
            throw new IllegalStateException("loyalty.mall.pickup-days must be 1 to 365");
        }
    }
}
