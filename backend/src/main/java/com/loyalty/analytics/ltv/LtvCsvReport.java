package com.loyalty.analytics.ltv;

import com.loyalty.analytics.AnalyticsRange;
import com.loyalty.analytics.AnalyticsScope;
import com.loyalty.analytics.export.CsvReport;
import com.loyalty.analytics.export.CsvTable;
import com.loyalty.analytics.export.ReportKind;
import com.loyalty.shared.Zip;
import com.loyalty.shared.graphql.Pages;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * CSV of lifetime value as of today (the range is not used): one row per RFM segment, lifecycle
 * stage and tag, then the top 100 members by lifetime value.
 */
@Component
class LtvCsvReport implements CsvReport {

    private final LtvService values;

    public LtvCsvReport(LtvService values) {
        this.values = values;
    }

    @Override
    public ReportKind kind() {
        return ReportKind.LIFETIME_VALUE;
    }

    @Override
    public Mono<CsvTable> build(AnalyticsScope scope, AnalyticsRange range) {
        return Zip.of(values.bySegment(scope, LtvGroupBy.RFM_SEGMENT), values.bySegment(scope, LtvGroupBy.LIFECYCLE_STAGE),
                values.bySegment(scope, LtvGroupBy.TAG), values.top(scope, Pages.MAX_PAGE),
                (bySegment, byStage, byTag, top) -> {
                    CsvTable table = CsvTable.withHeader("类型", "分组或会员", "会员ID", "会员数", "订单数",
                            "历史价值（元）", "平均历史价值（元）", "预测价值（元）", "平均预测价值（元）", "生命周期价值（元）",
                            "月均购买次数", "月流失率", "预期生命周期（月）");
                    segments(table, "RFM分群", bySegment);
                    segments(table, "生命周期阶段", byStage);
                    segments(table, "标签", byTag);
                    top.forEach(m -> table.row("会员", m.nickname(), m.memberId(), 1, m.orders(),
                            CsvTable.yuan(m.historicalValueCents()), CsvTable.yuan(m.historicalValueCents()),
                            CsvTable.yuan(m.predictedValueCents()), CsvTable.yuan(m.predictedValueCents()),
                            CsvTable.yuan(m.lifetimeValueCents()), m.purchasesPerMonth(), m.monthlyChurnRate(),
                            m.expectedLifetimeMonths()));
                    return table;
                });
    }

    private static void segments(CsvTable table, String kind, LtvBySegment groups) {
        groups.segments().forEach(s -> table.row(kind, s.label(), null, s.members(), null,
                CsvTable.yuan(s.historicalValueCents()), CsvTable.yuan(s.averageHistoricalValueCents()),
                CsvTable.yuan(s.predictedValueCents()), CsvTable.yuan(s.averagePredictedValueCents()),
                CsvTable.yuan(s.lifetimeValueCents()), null, groups.monthlyChurnRate(),
                groups.expectedLifetimeMonths()));
    }
}
