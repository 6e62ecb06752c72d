package com.loyalty.analytics.numbers;

import com.loyalty.analytics.AnalyticsRange;
import com.loyalty.analytics.AnalyticsScope;
import com.loyalty.analytics.export.CsvReport;
import com.loyalty.analytics.export.CsvTable;
import com.loyalty.analytics.export.ReportKind;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** CSV of sales, members vs non-members: one row per period, then the total; money in yuan. */
@Component
class SalesReport implements CsvReport {

    private final SalesAnalyticsService sales;

    public SalesReport(SalesAnalyticsService sales) {
        this.sales = sales;
    }

    @Override
    public ReportKind kind() {
        return ReportKind.SALES;
    }

    @Override
    public Mono<CsvTable> build(AnalyticsScope scope, AnalyticsRange range) {
        return sales.sales(scope, range).map(s -> {
            CsvTable table = CsvTable.withHeader("类型", "开始日期", "结束日期", "订单数", "销售额（元）", "客单价（元）",
                    "会员订单", "会员销售额（元）", "会员客单价（元）", "非会员订单", "非会员销售额（元）",
                    "非会员客单价（元）", "会员贡献率", "购买会员", "复购会员", "复购率", "购买频次");
            s.series().forEach(p -> row(table, "期间", p));
            row(table, "合计", s.total());
            return table;
        });
    }

    private static void row(CsvTable table, String kind, SalesNumbers n) {
        table.row(kind, n.start(), n.end(), n.orders(), CsvTable.yuan(n.salesCents()), CsvTable.yuan(n.averageOrderCents()),
                n.memberOrders(), CsvTable.yuan(n.memberSalesCents()), CsvTable.yuan(n.memberAverageOrderCents()), n.guestOrders(),
                CsvTable.yuan(n.guestSalesCents()), CsvTable.yuan(n.guestAverageOrderCents()), n.memberSalesShare(), n.buyers(),
                n.repeatBuyers(), n.repurchaseRate(), n.purchaseFrequency());
    }
}
