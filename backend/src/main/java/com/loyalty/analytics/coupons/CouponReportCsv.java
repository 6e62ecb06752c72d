package com.loyalty.analytics.coupons;

import com.loyalty.analytics.AnalyticsRange;
import com.loyalty.analytics.AnalyticsScope;
import com.loyalty.analytics.export.CsvReport;
import com.loyalty.analytics.export.CsvTable;
import com.loyalty.analytics.export.ReportKind;
import com.loyalty.shared.config.BrandProperties;
import java.time.LocalDate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** CSV of coupons: one row per period, the total, one per template, then one per campaign with its return. */
@Component
class CouponReportCsv implements CsvReport {

    private final CouponReportService coupons;
    private final BrandProperties brand;

    public CouponReportCsv(CouponReportService coupons, BrandProperties brand) {
        this.coupons = coupons;
        this.brand = brand;
    }

    @Override
    public ReportKind kind() {
        return ReportKind.COUPONS;
    }

    @Override
    public Mono<CsvTable> build(AnalyticsScope scope, AnalyticsRange range) {
        return coupons.report(scope, range).map(r -> {
            CsvTable table = CsvTable.withHeader("类型", "名称", "开始日期", "结束日期", "发放", "核销", "核销率",
                    "优惠金额（元）", "处理组人数", "对照组人数", "处理组收入（元）", "对照组收入（元）", "归因收入（元）",
                    "积分成本（元）", "总成本（元）", "ROI");
            r.series().forEach(p -> flow(table, "期间", p));
            flow(table, "合计", r.total());
            r.templates().forEach(t -> table.row("券模板", t.name(), range.from(), range.to(), t.issued(), t.redeemed(),
                    t.redemptionRate(), CsvTable.yuan(t.discountCents()), null, null, null, null, null, null, null,
                    null));
            r.campaigns().forEach(c -> table.row("活动", c.name(), day(c.startsAt()), day(c.endsAt().minusSeconds(1)),
                    c.couponsIssued(), c.couponsRedeemed(), c.couponsIssued() == 0 ? null
                            : (double) c.couponsRedeemed() / c.couponsIssued(),
                    CsvTable.yuan(c.discountCostCents()), c.treated(), c.control(),
                    CsvTable.yuan(c.treatedRevenueCents()), CsvTable.yuan(c.controlRevenueCents()),
                    CsvTable.yuan(c.attributedRevenueCents()), CsvTable.yuan(c.pointsCostCents()),
                    CsvTable.yuan(c.costCents()), c.roi()));
            return table;
        });
    }

    private LocalDate day(java.time.Instant at) {
        return LocalDate.ofInstant(at, brand.zone());
    }

    private static void flow(CsvTable table, String kind, CouponFlow f) {
        table.row(kind, null, f.start(), f.end(), f.issued(), f.redeemed(), f.redemptionRate(),
                CsvTable.yuan(f.discountCents()), null, null, null, null, null, null, null, null);
    }
}
