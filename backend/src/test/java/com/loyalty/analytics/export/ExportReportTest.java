package com.loyalty.analytics.export;

import com.loyalty.support.IntegrationTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/** Who may export: managers their own store, admins any store or the brand; clerks and members never. */
class ExportReportTest extends IntegrationTest {

    private static Map<String, Object> input(String report, String storeId) {
        Map<String, Object> range = new java.util.HashMap<>(Map.of("from", "2026-11-01", "to", "2026-11-30",
                "granularity", "WEEK"));
        if (storeId != null) {
            range.put("storeId", storeId);
        }
        return Map.of("report", report, "range", range);
    }

    private static org.springframework.graphql.test.tester.GraphQlTester.Response export(HttpGraphQlTester staff,
                                                                                           Map<String, Object> input) {
        return staff.documentName("exportReport").variable("input", input).execute();
    }

    @Test
    void clerksAndMembersMayNotExport() {
        String store = createStore("export");
        export(newStaff(store, "CLERK"), input("SALES", null))
                .errors().expect(e -> "FORBIDDEN".equals(e.getExtensions().get("classification"))).verify();
        export(member(unique("curious")), input("SALES", null))
                .errors().expect(e -> "FORBIDDEN".equals(e.getExtensions().get("classification"))).verify();
    }

    @Test
    void aManagerMayNotExportAnotherStore() {
        HttpGraphQlTester manager = newStaff(createStore("mine"), "STORE_MANAGER");
        export(manager, input("SALES", createStore("theirs")))
                .errors().expect(e -> "FORBIDDEN".equals(e.getExtensions().get("classification"))).verify();
    }

    @Test
    void aRangeEndingBeforeItStartsIsABadRequest() {
        HttpGraphQlTester manager = newStaff(createStore("backwards"), "STORE_MANAGER");
        export(manager, Map.of("report", "SALES", "range", Map.of("from", "2026-11-30", "to", "2026-11-01")))
                .errors().expect(e -> "BAD_REQUEST".equals(e.getExtensions().get("classification"))
                        && e.getMessage().contains("before")).verify();
    }

    @Test
    void anAdminNamingAStoreOutsideTheBrandGetsAUserError() {
        export(admin(), input("SALES", "999999999"))
                .path("exportReport.csv").valueIsNull()
                .path("exportReport.userErrors[0].code").entity(String.class).isEqualTo("STORE_NOT_FOUND");
    }
}
