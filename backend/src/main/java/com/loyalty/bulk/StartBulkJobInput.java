package com.loyalty.bulk;

/** GraphQL input of {@code startBulkJob}: the uploaded file, and whether this is a dry run (the default). */
public record StartBulkJobInput(Long fileId, Boolean dryRun) {
}
