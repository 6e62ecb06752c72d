package com.loyalty.analytics.tiers;

import com.loyalty.analytics.AnalyticsRange;
import com.loyalty.analytics.AnalyticsScope;
import com.loyalty.analytics.export.CsvReport;
import com.loyalty.analytics.export.CsvTable;
import com.loyalty.analytics.export.ReportKind;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * CSV of tiers: members per tier at the end of each period and now (one column per tier), then
 * one row per month with the review's moves and the instant upgrades.
 */
@Component
class TierReportCsv implements CsvReport {

    private final TierReportService tiers;

    public TierReportCsv(TierReportService tiers) {
        this.tiers = tiers;
    }

    @Override
    public ReportKind kind() {
        return ReportKind.TIERS;
    }

    @Override
    public Mono<CsvTable> build(AnalyticsScope scope, AnalyticsRange range) {
        return tiers.report(scope, range).map(r -> {
            List<String> header = new ArrayList<>(List.of("类型", "开始日期", "结束日期"));
            r.tiers().forEach(t -> header.add(t.name() + "会员数"));
            header.addAll(List.of("复核人数", "复核升级", "复核降级", "即时升级"));
            CsvTable table = CsvTable.withHeader(header.toArray(String[]::new));
            r.series().forEach(p -> counts(table, "期末分布", p.start(), p.end(), p.tiers()));
            counts(table, "当前分布", null, null, r.tiers());
            int tierColumns = r.tiers().size();
            for (TierReportMonth m : r.moves()) {
                List<Object> row = new ArrayList<>(List.of("月度变动", m.yearMonth().atDay(1), m.yearMonth().atEndOfMonth()));
                for (int i = 0; i < tierColumns; i++) {
                    row.add(null);
                }
                row.addAll(List.of(m.reviewed(), m.reviewUpgrades(), m.reviewDowngrades(), m.instantUpgrades()));
                table.row(row.toArray());
            }
            return table;
        });
    }

    private static void counts(CsvTable table, String kind, Object start, Object end, List<TierReportCount> tiers) {
        List<Object> row = new ArrayList<>();
        row.add(kind);
        row.add(start);
        row.add(end);
        tiers.forEach(t -> row.add(t.members()));
        row.add(null);
        row.add(null);
        row.add(null);
        row.add(null);
        table.row(row.toArray());
    }
}
