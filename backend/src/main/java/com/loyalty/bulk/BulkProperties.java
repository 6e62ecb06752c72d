package com.loyalty.bulk;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Bulk import and export ({@code loyalty.bulk.*}, docs/operations.md "Bulk import and export"):
 * where uploaded files are kept (every instance that runs imports must see the directory), the
 * largest upload, rows per batch (one transaction each), the problems kept per job, the most rows a
 * file may have, and how long a running job may go without progress before it counts as stopped
 * (its instance died) and another may start.
 */
@ConfigurationProperties("loyalty.bulk")
record BulkProperties(
        @DefaultValue("data/bulk") Path directory,
        @DefaultValue("300MB") DataSize maxUploadSize,
        @DefaultValue("2000") int batchSize,
        @DefaultValue("10000") int maxProblems,
        @DefaultValue("2000000") long maxRows,
        @DefaultValue("120") long staleAfterSeconds) {
}
