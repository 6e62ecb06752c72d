package com.loyalty.analytics.points;

import com.loyalty.analytics.AnalyticsRange;
import com.loyalty.analytics.AnalyticsScope;
import com.loyalty.analytics.export.CsvReport;
import com.loyalty.analytics.export.CsvTable;
import com.loyalty.analytics.export.ReportKind;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * CSV of the points economy: one row per period, then the total, whose last columns hold the
 * liability now, its value and the points expiring within 30, 60 and 90 days.
 */
@Component
class PointsEconomyCsvReport implements CsvReport {

    private final PointsEconomyService economy;

    public PointsEconomyCsvReport(PointsEconomyService economy) {
        this.economy = economy;
    }

    @Override
    public ReportKind kind() {
        return ReportKind.POINTS_ECONOMY;
    }

    @Override
    public Mono<CsvTable> build(AnalyticsScope scope, AnalyticsRange range) {
        return economy.report(scope, range).map(r -> {
            CsvTable table = CsvTable.withHeader("类型", "开始日期", "结束日期", "发放积分", "消费获得", "签到", "邀请",
                    "活动赠送", "集章奖励", "会员活动到场", "抽奖奖品", "充值赠送", "消耗积分", "收银抵现", "兑换优惠券", "补签",
                    "积分商城（扣除退回）", "积分抽奖", "过期", "退款扣回", "退款返还", "手工增加", "手工扣减", "导入期初", "净变化",
                    "当前积分负债", "负债价值（元）", "30天内到期", "60天内到期", "90天内到期");
            r.series().forEach(p -> row(table, "期间", p, null));
            row(table, "合计", r.total(), r);
            return table;
        });
    }

    private static void row(CsvTable table, String kind, PointsFlow f, PointsEconomy now) {
        table.row(kind, f.start(), f.end(), f.issued(), f.earned(), f.checkIn(), f.referral(), f.campaign(),
                f.stampCards(), f.events(), f.lotteryPrizes(), f.rechargeBonus(), f.redeemed(), f.redeemedAtTill(),
                f.couponExchange(), f.makeUp(), f.mallRedemptions(), f.lotteryDraws(), f.expired(), f.reversedByRefunds(),
                f.returnedByRefunds(), f.adjustedUp(), f.adjustedDown(), f.imported(), f.net(),
                now == null ? null : now.liability(), now == null ? null : CsvTable.yuan(now.liabilityCents()),
                now == null ? null : now.expiring().get(0).points(), now == null ? null : now.expiring().get(1).points(),
                now == null ? null : now.expiring().get(2).points());
    }
}
