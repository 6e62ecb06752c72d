package com.loyalty.analytics.numbers;

import com.loyalty.analytics.AnalyticsRange;
import com.loyalty.analytics.AnalyticsScope;
import com.loyalty.analytics.export.CsvReport;
import com.loyalty.analytics.export.CsvTable;
import com.loyalty.analytics.export.ReportKind;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** CSV of member activity: one row per period, then the total. */
@Component
class MemberActivityReport implements CsvReport {

    private final MemberActivityService activity;

    public MemberActivityReport(MemberActivityService activity) {
        this.activity = activity;
    }

    @Override
    public ReportKind kind() {
        return ReportKind.MEMBER_ACTIVITY;
    }

    @Override
    public Mono<CsvTable> build(AnalyticsScope scope, AnalyticsRange range) {
        return activity.activity(scope, range).map(a -> {
            CsvTable table = CsvTable.withHeader("类型", "开始日期", "结束日期", "活跃会员", "期末会员数", "签到次数",
                    "签到会员", "签到参与率", "消耗积分会员", "消耗积分");
            a.series().forEach(p -> row(table, "期间", p));
            row(table, "合计", a.total());
            return table;
        });
    }

    private static void row(CsvTable table, String kind, ActivityNumbers n) {
        table.row(kind, n.start(), n.end(), n.activeMembers(), n.members(), n.checkIns(), n.checkInMembers(),
                n.checkInRate(), n.pointsSpenders(), n.pointsSpent());
    }
}
