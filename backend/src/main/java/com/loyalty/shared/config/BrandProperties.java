package com.loyalty.shared.config;

import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** The brand this deployment serves and the zone its business days and months are counted in. */
@ConfigurationProperties("loyalty.brand")
public record BrandProperties(@DefaultValue("1") long id, @DefaultValue("Asia/Shanghai") ZoneId zone) {
}
