package com.loyalty.privacy;

import com.loyalty.audit.StaffAuditLog;
import com.loyalty.jobs.JobName;
import com.loyalty.jobs.ScheduledJob;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Deletes logs kept longer than {@code loyalty.privacy.retention.*}: member-code scans
 * (SCAN_MEMBER_CODE entries of the staff audit) after {@code scans}, every other staff audit
 * entry (profile views included) after {@code audit}.
 */
@Component
public class RetentionJob implements ScheduledJob {

    private final StaffAuditLog audit;
    private final PrivacyProperties properties;
    private final Clock clock;

    public RetentionJob(StaffAuditLog audit, PrivacyProperties properties, Clock clock) {
        this.audit = audit;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public JobName job() {
        return JobName.PRIVACY_RETENTION;
    }

    @Override
    public Mono<String> run(LocalDate asOf) {
        Instant now = clock.instant();
        return audit.purge(now.minus(properties.retention().scans()), now.minus(properties.retention().audit()))
                .map(purged -> "purged " + purged.scans() + " scan entries older than "
                        + properties.retention().scans().toDays() + " days and " + purged.others()
                        + " audit entries older than " + properties.retention().audit().toDays() + " days");
    }
}
