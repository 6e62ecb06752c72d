package com.loyalty.analytics.health;

import com.loyalty.analytics.AnalyticsRange;
import com.loyalty.analytics.AnalyticsScope;
import com.loyalty.analytics.export.CsvReport;
import com.loyalty.analytics.export.CsvTable;
import com.loyalty.analytics.export.ReportKind;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** CSV of the member health check: for each month the range touches, one row per rate beside the month before. */
@Component
class HealthCheckCsvReport implements CsvReport {

    /** Most months one export checks (each month is eight queries). */
    static final int MAX_MONTHS = 36;

    private final HealthCheckService health;

    public HealthCheckCsvReport(HealthCheckService health) {
        this.health = health;
    }

    @Override
    public ReportKind kind() {
        return ReportKind.MEMBER_HEALTH;
    }

    @Override
    public Mono<CsvTable> build(AnalyticsScope scope, AnalyticsRange range) {
        List<YearMonth> months = new ArrayList<>();
        for (YearMonth m = YearMonth.from(range.from()); !m.isAfter(YearMonth.from(range.to()))
                && months.size() < MAX_MONTHS; m = m.plusMonths(1)) {
            months.add(m);
        }
        return Flux.fromIterable(months).concatMap(m -> health.check(scope, m)).collectList().map(checks -> {
            CsvTable table = CsvTable.withHeader("月份", "指标", "人数", "基数", "比率", "上月人数", "上月基数", "上月比率",
                    "变化");
            for (MemberHealth h : checks) {
                row(table, h, "新会员转化率", h.newMemberConversion());
                row(table, h, "高价值会员留存率", h.highValueRetention());
                row(table, h, "积分使用活跃度", h.pointsRedemption());
                row(table, h, "活动参与率", h.campaignParticipation());
            }
            return table;
        });
    }

    private static void row(CsvTable table, MemberHealth h, String name, HealthCheckMetric m) {
        table.row(h.month(), name, m.members(), m.base(), m.rate(), m.previousMembers(), m.previousBase(),
                m.previousRate(), m.change());
    }
}
