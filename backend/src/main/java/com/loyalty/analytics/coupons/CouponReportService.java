package com.loyalty.analytics.coupons;

import com.loyalty.analytics.AnalyticsRange;
import com.loyalty.analytics.AnalyticsScope;
import com.loyalty.analytics.AnalyticsScopes;
import com.loyalty.analytics.shared.EconomyPeriods;
import com.loyalty.campaign.CampaignCoupons;
import com.loyalty.campaign.CampaignService;
import com.loyalty.campaign.CampaignStats;
import com.loyalty.shared.config.BrandProperties;
import com.loyalty.shared.security.Viewer;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Coupons issued and redeemed, redemption rate and discount cost per period and per template (from
 * the daily rollup, today live), and the return of the brand's campaigns running in the range.
 */
@Service
class CouponReportService {

    private final CouponReportRepository coupons;
    private final CampaignService campaignStats;
    private final CampaignCoupons campaignCoupons;
    private final AnalyticsScopes scopes;
    private final BrandProperties brand;
    private final Clock clock;

    public CouponReportService(CouponReportRepository coupons, CampaignService campaignStats,
                               CampaignCoupons campaignCoupons, AnalyticsScopes scopes, BrandProperties brand,
                               Clock clock) {
        this.coupons = coupons;
        this.campaignStats = campaignStats;
        this.campaignCoupons = campaignCoupons;
        this.scopes = scopes;
        this.brand = brand;
        this.clock = clock;
    }

    public Mono<CouponReport> report(Viewer staff, AnalyticsRange range) {
        return scopes.resolve(staff, range.storeId()).flatMap(scope -> report(scope, range));
    }

    /** The report for a scope already checked (also the CSV export's entry). */
    public Mono<CouponReport> report(AnalyticsScope scope, AnalyticsRange range) {
        ZoneId zone = brand.zone();
        return coupons.flows(scope, range.from(), range.to(), brand.today(clock), zone).collectList()
                .flatMap(rows -> names(rows).map(names -> new TemplateDays(rows, names)))
                .zipWith(campaignReturns(scope, range), (days, campaigns) -> {
                    List<CouponReportRepository.TemplateDay> rows = days.rows();
                    var byPeriod = EconomyPeriods.group(range.periods(), rows, CouponReportRepository.TemplateDay::day);
                    List<CouponFlow> series = range.periods().stream()
                            .map(p -> flow(p.start(), p.end(), byPeriod.get(p.start()))).toList();
                    List<CouponTemplateFlow> templates = rows.stream()
                            .collect(Collectors.groupingBy(CouponReportRepository.TemplateDay::templateId))
                            .entrySet().stream().sorted(Map.Entry.comparingByKey())
                            .map(e -> template(days.names().get(e.getKey()), e.getValue()))
                            .toList();
                    return new CouponReport(scope.storeId(), flow(range.from(), range.to(), rows), series, templates,
                            campaigns);
                });
    }

    /** The range's coupons per template and day, and the names of those templates. */
    private record TemplateDays(List<CouponReportRepository.TemplateDay> rows,
                                Map<Long, CouponReportRepository.TemplateName> names) {
    }

    private Mono<Map<Long, CouponReportRepository.TemplateName>> names(List<CouponReportRepository.TemplateDay> rows) {
        List<Long> ids = rows.stream().map(CouponReportRepository.TemplateDay::templateId).distinct().toList();
        return ids.isEmpty() ? Mono.just(Map.of())
                : coupons.templates(ids).collectMap(CouponReportRepository.TemplateName::id);
    }

    /** The brand's campaigns overlapping the range, each with its stats as the campaign page shows them. */
    private Mono<List<CampaignReturn>> campaignReturns(AnalyticsScope scope, AnalyticsRange range) {
        ZoneId zone = brand.zone();
        return coupons.campaigns(scope.brandId(), range.from().atStartOfDay(zone).toInstant(),
                        range.to().plusDays(1).atStartOfDay(zone).toInstant())
                .concatMap(c -> Mono.zip(campaignStats.stats(scope.brandId(), c.id()),
                        campaignCoupons.discountCents(c.id()), (stats, discount) -> toReturn(c, stats, discount)))
                .collectList();
    }

    private static CampaignReturn toReturn(CouponReportRepository.CampaignRow c, CampaignStats s, long discountCents) {
        Long attributed = s.revenuePerTreatedMemberCents() == null || s.revenuePerControlMemberCents() == null ? null
                : Math.round((s.revenuePerTreatedMemberCents() - s.revenuePerControlMemberCents()) * s.treated());
        return new CampaignReturn(c.id(), c.name(), c.benefit(), c.startsAt(), c.endsAt(), s.treated(), s.control(),
                s.couponsIssued(), s.couponsRedeemed(), s.treatedRevenueCents(), s.controlRevenueCents(), attributed,
                discountCents, s.costCents() - discountCents, s.costCents(), s.roi());
    }

    private static CouponFlow flow(java.time.LocalDate start, java.time.LocalDate end,
                                   List<CouponReportRepository.TemplateDay> rows) {
        return new CouponFlow(start, end, rows.stream().mapToLong(CouponReportRepository.TemplateDay::issued).sum(),
                rows.stream().mapToLong(CouponReportRepository.TemplateDay::redeemed).sum(),
                rows.stream().mapToLong(CouponReportRepository.TemplateDay::discountCents).sum());
    }

    private static CouponTemplateFlow template(CouponReportRepository.TemplateName name,
                                               List<CouponReportRepository.TemplateDay> rows) {
        return new CouponTemplateFlow(name.id(), name.name(), name.kind(),
                rows.stream().mapToLong(CouponReportRepository.TemplateDay::issued).sum(),
                rows.stream().mapToLong(CouponReportRepository.TemplateDay::redeemed).sum(),
                rows.stream().mapToLong(CouponReportRepository.TemplateDay::discountCents).sum());
    }
}
