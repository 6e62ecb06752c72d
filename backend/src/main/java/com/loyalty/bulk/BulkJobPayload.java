package com.loyalty.bulk;

import com.loyalty.shared.graphql.UserError;
import java.util.List;

/** Result of {@code startBulkJob}. */
public record BulkJobPayload(BulkJob job, List<UserError> userErrors) {

    static BulkJobPayload of(BulkJob job) {
        return new BulkJobPayload(job, List.of());
    }

    static BulkJobPayload failed(UserError error) {
        return new BulkJobPayload(null, List.of(error));
    }
}
