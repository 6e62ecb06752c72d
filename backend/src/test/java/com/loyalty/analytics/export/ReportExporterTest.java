package com.loyalty.analytics.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.loyalty.analytics.AnalyticsRange;
import com.loyalty.analytics.AnalyticsScope;
import com.loyalty.analytics.AnalyticsScopes;
import com.loyalty.analytics.Granularity;
import com.loyalty.shared.graphql.BusinessException;
import com.loyalty.shared.security.Role;
import com.loyalty.shared.security.Viewer;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/** The exporter on its own: reports found by kind, one bean per kind, the file named after what it holds. */
class ReportExporterTest {

    private static final Viewer ADMIN = new Viewer(1, Role.ADMIN, null, 7);
    private static final AnalyticsRange NOVEMBER =
            new AnalyticsRange(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30), Granularity.WEEK, null);

    /** A report that says which scope and range it was asked for. */
    record Echo(ReportKind kind) implements CsvReport {
        @Override
        public Mono<CsvTable> build(AnalyticsScope scope, AnalyticsRange range) {
            return Mono.just(CsvTable.withHeader("品牌", "从", "到").row(scope.brandId(), range.from(), range.to()));
        }
    }

    @Test
    void theReportOfTheKindBuildsTheFileForTheViewersScope() {
        ReportExporter exporter = new ReportExporter(List.of(new Echo(ReportKind.SALES)), new AnalyticsScopes(null));

        ExportReportPayload payload = exporter.export(ADMIN, new ExportReportInput(ReportKind.SALES, NOVEMBER)).block();

        assertThat(payload.userErrors()).isEmpty();
        assertThat(payload.filename()).isEqualTo("sales_2026-11-01_2026-11-30_brand.csv");
        assertThat(payload.contentType()).isEqualTo("text/csv; charset=utf-8");
        assertThat(payload.csv()).isEqualTo("\uFEFF品牌,从,到\r\n7,2026-11-01,2026-11-30\r\n");
        assertThat(payload.rows()).isEqualTo(1);
    }

    @Test
    void aKindWithoutItsReportIsAUserError() {
        ReportExporter exporter = new ReportExporter(List.of(), new AnalyticsScopes(null));

        assertThatThrownBy(() -> exporter.export(ADMIN, new ExportReportInput(ReportKind.SALES, NOVEMBER)).block())
                .isInstanceOf(BusinessException.class)
                .satisfies(e -> assertThat(((BusinessException) e).error().field()).containsExactly("input", "report"));
    }

    @Test
    void twoReportsOfOneKindAreRefusedAtStartUp() {
        assertThatThrownBy(() -> new ReportExporter(List.of(new Echo(ReportKind.SALES), new Echo(ReportKind.SALES)),
                new AnalyticsScopes(null)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("SALES");
    }

    @Test
    void aStoresFileIsNamedAfterTheStore() {
        assertThat(ReportExporter.filename(ReportKind.MEMBER_GROWTH, new AnalyticsScope(7, 3L), NOVEMBER))
                .isEqualTo("member-growth_2026-11-01_2026-11-30_store-3.csv");
    }
}
