package com.loyalty.analytics.events;

import com.loyalty.analytics.AnalyticsRange;
import com.loyalty.analytics.AnalyticsScope;
import com.loyalty.analytics.export.CsvReport;
import com.loyalty.analytics.export.CsvTable;
import com.loyalty.analytics.export.ReportKind;
import com.loyalty.shared.config.BrandProperties;
import java.time.format.DateTimeFormatter;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * CSV of the events report: one row per event of the range (all of them, newest first), then the
 * total; the purchase columns compare attendees with members who signed up and did not come, over
 * the 30 days after each event that is over.
 */
@Component
class EventReportCsv implements CsvReport {

    /** More than a range holds in practice; the CSV lists every event. */
    private static final int ALL = Integer.MAX_VALUE;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final EventReportService reports;
    private final BrandProperties brand;

    EventReportCsv(EventReportService reports, BrandProperties brand) {
        this.reports = reports;
        this.brand = brand;
    }

    @Override
    public ReportKind kind() {
        return ReportKind.MEMBER_EVENTS;
    }

    @Override
    public Mono<CsvTable> build(AnalyticsScope scope, AnalyticsRange range) {
        return reports.report(scope, range, ALL).map(r -> {
            CsvTable table = CsvTable.withHeader("活动", "门店", "开始时间", "状态", "名额", "已报名", "候补", "已取消", "到场",
                    "到场率", "未到场", "发放积分", "到场会员", "到场会员30天内购买人数", "到场会员30天内订单", "到场会员30天内销售额（元）",
                    "报名未到场会员", "未到场会员30天内购买人数", "未到场会员30天内订单", "未到场会员30天内销售额（元）", "统计窗口已结束");
            r.events().forEach(e -> row(table, e.title(), e.storeName(),
                    WHEN.format(e.startsAt().atZone(brand.zone())), e.status(), e.numbers()));
            row(table, "合计（" + r.eventCount() + " 场）", null, null, null, r.total());
            return table;
        });
    }

    private static void row(CsvTable table, String title, String store, String startsAt, String status, EventNumbers n) {
        EventPurchasesAfter after = n.purchasesAfter();
        table.row(title, store, startsAt, status, n.capacity(), n.confirmed(), n.waiting(), n.cancelled(), n.attended(),
                n.attendanceRate(), n.noShows(), n.pointsAwarded(), after.attendees().members(), after.attendees().buyers(),
                after.attendees().orders(), CsvTable.yuan(after.attendees().salesCents()), after.nonAttendees().members(),
                after.nonAttendees().buyers(), after.nonAttendees().orders(),
                CsvTable.yuan(after.nonAttendees().salesCents()), after.complete() ? "是" : "否");
    }
}
