package com.loyalty.bulk;

import java.time.Instant;

/**
 * A dry run or an import of one file and how far it got: rows read, and of them imported (new
 * members, or new orders), matched (members the brand already had), skipped (imported before),
 * failed (rows with problems); the points and stored value (cents) the imported rows bring.
 */
public record BulkJob(long id, long brandId, long fileId, BulkKind kind, boolean dryRun, Status status, long rowsRead,
                      long imported, long matched, long skipped, long failed, long pointsTotal, long storedValueCents,
                      String error, long startedBy, Instant startedAt, Instant finishedAt) {

    /** Where a job is. */
    public enum Status { RUNNING, DONE, FAILED }
}
