package com.loyalty.analytics;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/** Exports one of the economy reports through exportReport and returns its lines (BOM and CRLF removed). */
public final class EconomyExports {

    private EconomyExports() {
    }

    public static List<String> lines(HttpGraphQlTester staff, String report, Map<String, Object> range) {
        String csv = staff.documentName("exportReport").variable("input", Map.of("report", report, "range", range))
                .execute().path("exportReport.userErrors").entityList(Object.class).hasSize(0)
                .path("exportReport.csv").entity(String.class).get();
        return Arrays.asList(csv.substring(1).split("\r\n"));
    }
}
