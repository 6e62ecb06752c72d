package com.loyalty.dev.demo;

import com.loyalty.campaign.Campaign;
import com.loyalty.campaign.CampaignFilter;
import com.loyalty.campaign.CampaignService;
import com.loyalty.campaign.CreateCampaignInput;
import com.loyalty.notify.Channel;
import com.loyalty.shared.config.BrandProperties;
import com.loyalty.shared.security.Role;
import com.loyalty.shared.security.Viewer;
import com.loyalty.staff.StaffService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Demo campaigns, after {@link DemoData}: one SCHEDULED (starts in a week), one RUNNING with a
 * MONTHLY recurrence (the top 20 % by spend get points each month) and one ENDED. They are made
 * by a demo marketer ({@code marketer-demo}, password {@code demo-password}) through the campaign
 * service; a campaign whose name the brand already has is left as it is, so restarts change nothing.
 */
@Component
@Order(20)
@ConditionalOnProperty(name = "loyalty.demo-data", havingValue = "true")
public class DemoCampaigns implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoCampaigns.class);
    private static final String MARKETER = "marketer-demo";

    private final BrandProperties brand;
    private final CampaignService campaigns;
    private final StaffService staff;
    private final Clock clock;
    private final DatabaseClient db;

    public DemoCampaigns(BrandProperties brand, CampaignService campaigns, StaffService staff, Clock clock,
                         DatabaseClient db) {
        this.brand = brand;
        this.campaigns = campaigns;
        this.staff = staff;
        this.clock = clock;
        this.db = db;
    }

    @Override
    public void run(ApplicationArguments args) {
        Instant now = clock.instant();
        marketer().flatMap(marketer -> Flux.concat(
                        campaign(marketer, input("春季新品预告", now.plus(Duration.ofDays(7)), now.plus(Duration.ofDays(37)),
                                Campaign.Recurrence.NONE, Campaign.Audience.EVERYONE, 50L, "新品下周上市，到店即送 50 积分"),
                                Campaign.Status.SCHEDULED),
                        campaign(marketer, input("每月消费前 20% 回馈", now.minus(Duration.ofDays(3)),
                                now.plus(Duration.ofDays(180)), Campaign.Recurrence.MONTHLY,
                                Campaign.Audience.TOP_SPENDERS, 200L, "感谢您本月的支持，200 积分已到账"),
                                Campaign.Status.RUNNING),
                        campaign(marketer, input("国庆回馈", now.minus(Duration.ofDays(40)), now.minus(Duration.ofDays(10)),
                                Campaign.Recurrence.NONE, Campaign.Audience.EVERYONE, 30L, null),
                                Campaign.Status.ENDED))
                        .then())
                .block(Duration.ofSeconds(60));
        log.info("Demo campaigns ready (scheduled, running monthly, ended); marketer {} (password {})", MARKETER,
                DemoData.STAFF_PASSWORD);
    }

    private static CreateCampaignInput input(String name, Instant starts, Instant ends, Campaign.Recurrence recurrence,
                                             Campaign.Audience audience, long points, String message) {
        boolean top = audience == Campaign.Audience.TOP_SPENDERS;
        return new CreateCampaignInput(name, starts, ends, audience, null, null, Campaign.Benefit.POINTS, null, points,
                null, 10, 100_000L, null, null, Campaign.Kind.STANDARD, null, recurrence, null, top ? 20 : null,
                top ? 90 : null, null, message, message == null ? null : Channel.SMS, null);
    }

    /** Creates and brings the campaign to the status unless the brand has one of that name. */
    private Mono<Void> campaign(Viewer marketer, CreateCampaignInput in, Campaign.Status status) {
        return campaigns.list(marketer, new CampaignFilter(null, null, null, in.name()), 1, null)
                .flatMap(page -> page.totalCount() > 0 ? Mono.empty()
                        : campaigns.create(marketer, in)
                                .flatMap(c -> status == Campaign.Status.DRAFT ? Mono.just(c)
                                        : campaigns.launch(marketer, c.id()).map(launched -> launched.campaign()))
                                .flatMap(c -> status == Campaign.Status.ENDED ? campaigns.end(marketer, c.id()).then()
                                        : Mono.empty()));
    }

    /** The demo marketer (brand-wide, no store), created the first time. */
    /** The demo marketer (created when missing), as the services see them. */
    Mono<Viewer> marketer() {
        return staff.hash(DemoData.STAFF_PASSWORD)
                .flatMap(hash -> db.sql("""
                                insert into staff (brand_id, username, password_hash, display_name, role)
                                values (:b, :u, :h, '演示市场专员', :r)
                                on conflict (username) do nothing
                                """)
                        .bind("b", brand.id()).bind("u", MARKETER).bind("h", hash).bind("r", Role.MARKETER.name())
                        .then())
                .then(db.sql("select id from staff where username = :u").bind("u", MARKETER)
                        .map(row -> row.get("id", Long.class)).one())
                .map(id -> new Viewer(id, Role.MARKETER, null, brand.id()));
    }
}
