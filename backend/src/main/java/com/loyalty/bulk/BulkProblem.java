package com.loyalty.bulk;

/** What is wrong with one row of a file (row 1 is the header; the first data row is 2), in Chinese. */
public record BulkProblem(long row, String field, String message) {
}
