package com.loyalty.analytics.export;

import com.loyalty.shared.graphql.UserError;
import java.util.List;

/** Result of {@code exportReport}: the CSV text with a file name, or why there is none. */
public record ExportReportPayload(String filename, String contentType, String csv, Integer rows,
                                  List<UserError> userErrors) {

    /** What a CSV file is served as. */
    public static final String CONTENT_TYPE = "text/csv; charset=utf-8";

    public static ExportReportPayload of(String filename, String csv, int rows) {
        return new ExportReportPayload(filename, CONTENT_TYPE, csv, rows, List.of());
    }

    public static ExportReportPayload failed(UserError error) {
        return new ExportReportPayload(null, null, null, null, List.of(error));
    }
}
