package com.loyalty.analytics.coupons;

import com.loyalty.analytics.AnalyticsScope;
import com.loyalty.analytics.rollup.EconomyRollupSql;
import com.loyalty.analytics.shared.ScopedMembers;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;

/** SQL behind the coupon report: coupons per day and template (rollup, today raw), templates, campaigns in a window. */
@Repository
class CouponReportRepository {

    static final int MAX_CAMPAIGNS = 50;

    private static final String FLOWS = EconomyRollupSql.read("analytics_coupon_daily",
            "day, store_id, template_id, issued, redeemed, discount_cents", EconomyRollupSql.COUPONS_BY_DAY,
            "day, template_id, sum(issued)::bigint as issued, sum(redeemed)::bigint as redeemed,"
                    + " sum(discount_cents)::bigint as discount",
            "group by day, template_id");

    private final DatabaseClient db;

    public CouponReportRepository(DatabaseClient db) {
        this.db = db;
    }

    /** One template's coupons on one business day. */
    public record TemplateDay(LocalDate day, long templateId, long issued, long redeemed, long discountCents) {
    }

    public Flux<TemplateDay> flows(AnalyticsScope scope, LocalDate from, LocalDate to, LocalDate today, ZoneId zone) {
        return db.sql(FLOWS)
                .bind("b", scope.brandId()).bind("s", ScopedMembers.store(scope)).bind("from", from).bind("to", to)
                .bind("today", today).bind("zone", zone.getId())
                .map(row -> new TemplateDay(row.get("day", LocalDate.class), row.get("template_id", Long.class),
                        row.get("issued", Long.class), row.get("redeemed", Long.class), row.get("discount", Long.class)))
                .all();
    }

    /** A template's name and kind. */
    public record TemplateName(long id, String name, String kind) {
    }

    public Flux<TemplateName> templates(Collection<Long> ids) {
        return db.sql("select id, name, kind from coupon_template where id = any(:ids)")
                .bind("ids", ids.toArray(Long[]::new))
                .map(row -> new TemplateName(row.get("id", Long.class), row.get("name", String.class),
                        row.get("kind", String.class)))
                .all();
    }

    /** A launched campaign whose window overlaps the range. */
    public record CampaignRow(long id, String name, String benefit, Instant startsAt, Instant endsAt) {
    }

    /** Launched campaigns of the brand whose window overlaps [from, to), earliest first (at most 50). */
    public Flux<CampaignRow> campaigns(long brandId, Instant from, Instant to) {
        return db.sql("""
                        select id, name, benefit_kind, starts_at, ends_at from campaign
                        where brand_id = :b and launched_at is not null and starts_at < :to and ends_at > :from
                        order by starts_at, id limit :limit
                        """)
                .bind("b", brandId).bind("from", from).bind("to", to).bind("limit", MAX_CAMPAIGNS)
                .map(row -> new CampaignRow(row.get("id", Long.class), row.get("name", String.class),
                        row.get("benefit_kind", String.class), row.get("starts_at", Instant.class),
                        row.get("ends_at", Instant.class)))
                .all();
    }
}
