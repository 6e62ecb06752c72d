package com.loyalty.dev.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The size of the dev demo data ({@code loyalty.demo.*}): SMALL is the two-store demo; LARGE adds
 * a generated brand history (members, a year of orders with guests, check-ins, points) to it.
 *
 * @param size          SMALL or LARGE
 * @param members       generated members (LARGE)
 * @param orders        generated orders over {@code days}, guests included
 * @param guestShare    share of the orders without a member
 * @param stores        stores the orders spread over, 1 to 6 (the first two are the small demo's)
 * @param days          how far back the orders go
 * @param seed          seed of the random choices, -1 to 1: the same seed gives the same brand
 * @param exitWhenReady stop the application once the data is generated (scripts/generate-brand)
 */
@ConfigurationProperties("loyalty.demo")
public record DemoProperties(
        @DefaultValue("SMALL") Size size,
        @DefaultValue("10000") int members,
        @DefaultValue("100000") int orders,
        @DefaultValue("0.2") double guestShare,
        @DefaultValue("4") int stores,
        @DefaultValue("365") int days,
        @DefaultValue("0.42") double seed,
        @DefaultValue("false") boolean exitWhenReady) {

    /** How much demo data. */
    public enum Size { SMALL, LARGE }
}
