package com.loyalty.privacy;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Personal data settings ({@code loyalty.privacy.*}): the privacy notice version in force and
 * where its texts are ({@code notice-v<n>.txt} files, see PrivacyNotices), the cooling-off period
 * before a closed account is erased, and how long logs are kept.
 */
@ConfigurationProperties("loyalty.privacy")
record PrivacyProperties(
        @DefaultValue("1") int noticeVersion,
        @DefaultValue("classpath:privacy/") String noticeLocation,
        @DefaultValue("7d") Duration coolingOff,
        @DefaultValue Retention retention) {

    /** How long staff audit entries and member-code scan entries are kept before the retention job purges them. */
    public record Retention(
            @DefaultValue("1095d") Duration audit,
            @DefaultValue("180d") Duration scans) {
    }
}
