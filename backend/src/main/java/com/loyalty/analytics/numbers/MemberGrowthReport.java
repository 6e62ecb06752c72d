package com.loyalty.analytics.numbers;

import com.loyalty.analytics.AnalyticsRange;
import com.loyalty.analytics.AnalyticsScope;
import com.loyalty.analytics.export.CsvReport;
import com.loyalty.analytics.export.CsvTable;
import com.loyalty.analytics.export.ReportKind;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** CSV of member growth: one row per period, the total with its growth rate, and the range before. */
@Component
class MemberGrowthReport implements CsvReport {

    private final MemberGrowthService growth;

    public MemberGrowthReport(MemberGrowthService growth) {
        this.growth = growth;
    }

    @Override
    public ReportKind kind() {
        return ReportKind.MEMBER_GROWTH;
    }

    @Override
    public Mono<CsvTable> build(AnalyticsScope scope, AnalyticsRange range) {
        return growth.growth(scope, range).map(g -> {
            CsvTable table = CsvTable.withHeader("类型", "开始日期", "结束日期", "新会员", "当日绑定手机号的新会员",
                    "新会员手机号占比", "期末会员数", "期末有手机号会员", "手机号占比", "较上期增长率");
            g.series().forEach(p -> row(table, "期间", p, null));
            row(table, "合计", g.total(), g.growthRate());
            row(table, "上期", g.previous(), null);
            return table;
        });
    }

    private static void row(CsvTable table, String kind, GrowthNumbers n, Double growthRate) {
        table.row(kind, n.start(), n.end(), n.newMembers(), n.newMembersWithPhone(), n.newMemberPhoneShare(),
                n.members(), n.membersWithPhone(), n.phoneShare(), growthRate);
    }
}
