package com.loyalty.analytics.churn;

import com.loyalty.analytics.AnalyticsRange;
import com.loyalty.analytics.AnalyticsScope;
import com.loyalty.analytics.export.CsvReport;
import com.loyalty.analytics.export.CsvTable;
import com.loyalty.analytics.export.ReportKind;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** CSV of churn: one row per period, then the whole range, then the members per lifecycle stage now. */
@Component
class ChurnCsvReport implements CsvReport {

    private final ChurnService churn;

    public ChurnCsvReport(ChurnService churn) {
        this.churn = churn;
    }

    @Override
    public ReportKind kind() {
        return ReportKind.CHURN;
    }

    @Override
    public Mono<CsvTable> build(AnalyticsScope scope, AnalyticsRange range) {
        return churn.report(scope, range).map(r -> {
            CsvTable table = CsvTable.withHeader("类型", "开始日期", "结束日期", "期初客户", "流失客户", "留存客户", "流失率",
                    "生命周期阶段", "会员数", "占比");
            r.series().forEach(p -> period(table, "期间", p));
            period(table, "合计", r.total());
            r.funnel().forEach(s -> table.row("当前阶段", null, r.stagesAsOf(), null, null, null, null, s.stage(),
                    s.members(), s.share()));
            return table;
        });
    }

    private static void period(CsvTable table, String kind, ChurnPeriod p) {
        table.row(kind, p.start(), p.end(), p.customers(), p.churned(), p.retained(), p.rate(), null, null, null);
    }
}
