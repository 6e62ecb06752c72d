package com.loyalty.bulk;

import java.nio.file.Path;
import java.time.Instant;

/** An uploaded file: what it holds, its name and format, size and checksum, where it is kept. */
public record BulkFile(long id, long brandId, BulkKind kind, String filename, FileFormat format, long sizeBytes,
                       String sha256, Path path, long uploadedBy, Instant uploadedAt) {
}
