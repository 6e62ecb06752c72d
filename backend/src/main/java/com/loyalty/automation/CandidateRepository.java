package com.loyalty.automation;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Finds the members each rule should act on for a business date, leaving out those it already acted on. */
@Repository
class CandidateRepository {

    /** How many days past its threshold a dormant rule still catches a member (e.g. a missed run). */
    static final int CATCH_UP_DAYS = 30;

    private final DatabaseClient db;

    CandidateRepository(DatabaseClient db) {
        this.db = db;
    }

    /**
     * Members whose last purchase (or registration, if they never bought) was between threshold
     * and threshold + 30 days before the date; the episode is the day of that last activity.
     */
    public Flux<Candidate> dormant(AutomationRule rule, LocalDate asOf, ZoneId zone) {
        return db.sql("""
                        with last as (
                            select m.id, m.nickname,
                                   (coalesce(max(p.occurred_at), m.registered_at) at time zone :zone)::date as day
                            from member m
                            left join purchase p on p.member_id = m.id and p.refunded_cents < p.amount_cents
                            where m.brand_id = :b
                            group by m.id
                        )
                        select id, nickname, day from last
                        where day <= cast(:asOf as date) - :t and day > cast(:asOf as date) - :t - :catchUp
                          and not exists (select 1 from automation_action a
                                          where a.rule = :rule and a.member_id = last.id and a.episode = last.day::text)
                        order by id
                        """)
                .bind("zone", zone.getId()).bind("b", rule.brandId()).bind("asOf", asOf).bind("t", rule.threshold())
                .bind("catchUp", CATCH_UP_DAYS).bind("rule", rule.rule().name())
                .map(row -> new Candidate(row.get("id", Long.class), row.get("day", LocalDate.class).toString(),
                        values("nickname", row.get("nickname", String.class)), null))
                .all();
    }

    /**
     * Members whose 60-day pack is still unused, with no purchase since, threshold days after it
     * came; the call goes to the store they buy at most (else where they registered).
     */
    public Flux<Candidate> unusedPacks(AutomationRule rule, LocalDate asOf) {
        return db.sql("""
                        select a.id as action_id, a.member_id, m.nickname,
                               coalesce((select p.store_id from purchase p where p.member_id = a.member_id
                                         group by p.store_id order by count(*) desc, max(p.occurred_at) desc limit 1),
                                        m.registration_store_id) as store_id
                        from automation_action a join member m on m.id = a.member_id
                        where a.brand_id = :b and a.rule = 'DORMANT_60' and a.acted_on <= cast(:asOf as date) - :t
                          and cardinality(a.coupon_ids) > 0
                          and not exists (select 1 from member_coupon c where c.id = any(a.coupon_ids) and c.status = 'USED')
                          and not exists (select 1 from purchase p where p.member_id = a.member_id
                                          and p.occurred_at >= a.created_at)
                          and not exists (select 1 from automation_action f where f.rule = 'PACK_FOLLOW_UP'
                                          and f.member_id = a.member_id and f.episode = a.id::text)
                        order by a.id
                        """)
                .bind("b", rule.brandId()).bind("asOf", asOf).bind("t", rule.threshold())
                .map(row -> new Candidate(row.get("member_id", Long.class), row.get("action_id", Long.class).toString(),
                        values("nickname", row.get("nickname", String.class)), row.get("store_id", Long.class)))
                .all();
    }

    /** Members born in the date's month not yet greeted this year; the episode is the year. */
    public Flux<Candidate> birthdays(AutomationRule rule, LocalDate asOf) {
        return db.sql("""
                        select m.id, m.nickname, m.birthday from member m
                        where m.brand_id = :b and m.birthday is not null and extract(month from m.birthday) = :month
                          and not exists (select 1 from automation_action a where a.rule = 'BIRTHDAY'
                                          and a.member_id = m.id and a.episode = :year)
                        order by m.id
                        """)
                .bind("b", rule.brandId()).bind("month", asOf.getMonthValue()).bind("year", String.valueOf(asOf.getYear()))
                .map(row -> {
                    Map<String, String> values = values("nickname", row.get("nickname", String.class));
                    values.put("birthday", row.get("birthday", LocalDate.class).toString());
                    return new Candidate(row.get("id", Long.class), String.valueOf(asOf.getYear()), values, null);
                })
                .all();
    }

    /**
     * Members with at least three purchase days of a category in the last year whose days since
     * the last one reached threshold percent of their usual interval (and not yet twice it).
     */
    public Flux<Candidate> repurchases(AutomationRule rule, LocalDate asOf, ZoneId zone) {
        return db.sql("""
                        with buys as (
                            select p.member_id, i.category, (p.occurred_at at time zone :zone)::date as day
                            from purchase p join purchase_item i on i.purchase_id = p.id
                            where p.brand_id = :b and p.member_id is not null and p.refunded_cents < p.amount_cents
                              and i.category is not null
                              and p.occurred_at >= cast(:asOf as date) - 365
                            group by p.member_id, i.category, day
                        ),
                        cycles as (
                            select member_id, category, max(day) as last_day,
                                   (max(day) - min(day))::numeric / (count(*) - 1) as interval
                            from buys group by member_id, category having count(*) >= 3
                        )
                        select c.member_id, m.nickname, c.category, c.last_day from cycles c join member m on m.id = c.member_id
                        where c.interval > 0
                          and cast(:asOf as date) - c.last_day >= round(c.interval * :t / 100)
                          and cast(:asOf as date) - c.last_day < 2 * c.interval
                          and not exists (select 1 from automation_action a where a.rule = 'REPURCHASE'
                                          and a.member_id = c.member_id and a.episode = c.category || ':' || c.last_day)
                        order by c.member_id, c.category
                        """)
                .bind("zone", zone.getId()).bind("b", rule.brandId()).bind("asOf", asOf).bind("t", rule.threshold())
                .map(row -> {
                    String category = row.get("category", String.class);
                    Map<String, String> values = values("nickname", row.get("nickname", String.class));
                    values.put("category", category);
                    return new Candidate(row.get("member_id", Long.class),
                            category + ":" + row.get("last_day", LocalDate.class), values, null);
                })
                .all();
    }

    /** The brand's best-selling item names over the 30 days before the date, by quantity. */
    public Mono<String> popularItems(long brandId, LocalDate asOf, ZoneId zone) {
        return db.sql("""
                        select i.name from purchase p join purchase_item i on i.purchase_id = p.id
                        where p.brand_id = :b and p.occurred_at >= :from and p.occurred_at < :to
                        group by i.name order by sum(i.quantity) desc, i.name limit 3
                        """)
                .bind("b", brandId).bind("from", asOf.minusDays(30).atStartOfDay(zone).toInstant())
                .bind("to", asOf.atStartOfDay(zone).toInstant())
                .map(row -> row.get("name", String.class)).all()
                .collectList().map(names -> String.join("、", names));
    }

    private static Map<String, String> values(String key, String value) {
        Map<String, String> values = new HashMap<>();
        values.put(key, value == null ? "会员" : value);
        return values;
    }
}
