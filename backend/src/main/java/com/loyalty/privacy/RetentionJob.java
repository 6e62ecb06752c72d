package com.loyalty.privacy;

import com.loyalty.jobs.JobName;
import com.loyalty.jobs.ScheduledJob;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Deletes logs kept longer than {@code loyalty.privacy.retention.*}: member-code scans
 * (SCAN_MEMBER_CODE entries of the staff audit) after {@code scans}, every other staff audit
 * entry (profile views included) after {@code audit}.
 */
@Component
public class RetentionJob implements ScheduledJob {

    static final String SCAN_ACTION = "SCAN_MEMBER_CODE";

    private final DatabaseClient db;
    private final PrivacyProperties properties;
    private final Clock clock;

    public RetentionJob(DatabaseClient db, PrivacyProperties properties, Clock clock) {
        this.db = db;
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
        Mono<Long> scans = db.sql("delete from staff_audit where action = :a and created_at < :before")
                .bind("a", SCAN_ACTION).bind("before", now.minus(properties.retention().scans()))
                .fetch().rowsUpdated();
        Mono<Long> audit = db.sql("delete from staff_audit where action <> :a and created_at < :before")
                .bind("a", SCAN_ACTION).bind("before", now.minus(properties.retention().audit()))
                .fetch().rowsUpdated();
        return scans.zipWith(audit, (s, a) -> "purged " + s + " scan entries older than "
                + properties.retention().scans().toDays() + " days and " + a + " audit entries older than "
                + properties.retention().audit().toDays() + " days");
    }
}
