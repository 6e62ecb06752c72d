package com.loyalty.stamp;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** SQL for stamp card definitions and their versions, members' cards and their stamps. */
@Repository
class StampRepository {

    /** A definition with the terms of one version: {@code v} joined on {@code c}. */
    private static final String CARD_COLUMNS = """
            c.id, c.brand_id, c.store_id, c.status, c.created_at, c.updated_at, v.version, v.name, v.stamps_needed,
            v.category, v.min_paid_cents, v.period, v.period_days, v.reward_points, v.reward_template_id""";
    private static final String CURRENT = "from stamp_card c join stamp_card_version v on v.card_id = c.id and v.version = c.version";
    private static final String MEMBER_CARD = "select m.id as m_id, m.member_id, m.status as m_status, m.stamps,"
            + " m.started_at, m.ends_at, m.completed_at, m.reward_note, " + CARD_COLUMNS
            + " from member_stamp_card m join stamp_card c on c.id = m.card_id"
            + " join stamp_card_version v on v.card_id = m.card_id and v.version = m.version";

    private final DatabaseClient db;

    StampRepository(DatabaseClient db) {
        this.db = db;
    }

    Mono<StampCard> insert(long brandId, StampCardInput in, long staffId, Instant at) {
        return db.sql("""
                        insert into stamp_card (brand_id, store_id, created_by, created_at, updated_at)
                        values (:brand, :store, :staff, :at, :at) returning id
                        """)
                .bind("brand", brandId).bind("store", Parameter.fromOrEmpty(in.storeId(), Long.class))
                .bind("staff", staffId).bind("at", at)
                .map(row -> row.get("id", Long.class)).one()
                .flatMap(id -> insertVersion(id, 1, in, staffId, at).then(find(brandId, id)));
    }

    /** Saves new terms as the card's next version and makes it the current one; empty when the card is stopped. */
    Mono<StampCard> newVersion(long brandId, long id, StampCardInput in, long staffId, Instant at) {
        return db.sql("""
                        update stamp_card set version = version + 1, updated_at = :at
                        where id = :id and brand_id = :brand and status <> 'STOPPED' returning version
                        """)
                .bind("id", id).bind("brand", brandId).bind("at", at)
                .map(row -> row.get("version", Integer.class)).one()
                .flatMap(version -> insertVersion(id, version, in, staffId, at).then(find(brandId, id)));
    }

    private Mono<Void> insertVersion(long id, int version, StampCardInput in, long staffId, Instant at) {
        return db.sql("""
                        insert into stamp_card_version (card_id, version, name, stamps_needed, category, min_paid_cents,
                            period, period_days, reward_points, reward_template_id, created_by, created_at)
                        values (:id, :version, :name, :needed, :category, :minPaid, :period, :days, :points, :template,
                            :staff, :at)
                        """)
                .bind("id", id).bind("version", version).bind("name", in.name().strip())
                .bind("needed", in.stampsNeeded())
                .bind("category", Parameter.fromOrEmpty(in.category() == null ? null : in.category().strip(), String.class))
                .bind("minPaid", Parameter.fromOrEmpty(in.minPaidCents(), Long.class))
                .bind("period", in.period().name())
                .bind("days", Parameter.fromOrEmpty(in.periodDays(), Integer.class))
                .bind("points", Parameter.fromOrEmpty(in.rewardPoints(), Long.class))
                .bind("template", Parameter.fromOrEmpty(in.rewardCouponTemplateId(), Long.class))
                .bind("staff", staffId).bind("at", at)
                .then();
    }

    /** Moves a card from one of {@code from} to {@code to}; empty when it was in none of them. */
    Mono<StampCard> setStatus(long brandId, long id, Collection<StampCard.Status> from, StampCard.Status to, Instant at) {
        return db.sql("""
                        update stamp_card set status = :to, updated_at = :at
                        where id = :id and brand_id = :brand and status = any(:from) returning id
                        """)
                .bind("id", id).bind("brand", brandId).bind("to", to.name()).bind("at", at)
                .bind("from", from.stream().map(Enum::name).toArray(String[]::new))
                .map(row -> row.get("id", Long.class)).one()
                .flatMap(changed -> find(brandId, changed));
    }

    /** Ends the members' running cards of a stopped definition; how many. */
    Mono<Long> expireRunning(long cardId) {
        return db.sql("update member_stamp_card set status = 'EXPIRED' where card_id = :id and status = 'RUNNING'")
                .bind("id", cardId).fetch().rowsUpdated();
    }

    Mono<StampCard> find(long brandId, long id) {
        return db.sql("select " + CARD_COLUMNS + " " + CURRENT + " where c.id = :id and c.brand_id = :brand")
                .bind("id", id).bind("brand", brandId).map(StampRepository::toCard).one();
    }

    /** A page of the brand's cards, newest first; a manager's ({@code managerStore}) also sees brand-wide ones. */
    Flux<StampCard> page(long brandId, StampCardFilter f, Long managerStore, Long before, int limit) {
        DatabaseClient.GenericExecuteSpec spec = bindFilter(db.sql("select " + CARD_COLUMNS + " " + CURRENT
                + where(f, managerStore) + (before == null ? "" : " and c.id < :before")
                + " order by c.id desc limit :limit"), brandId, f, managerStore).bind("limit", limit);
        return (before == null ? spec : spec.bind("before", before)).map(StampRepository::toCard).all();
    }

    Mono<Long> count(long brandId, StampCardFilter f, Long managerStore) {
        return bindFilter(db.sql("select count(*) as n " + CURRENT + where(f, managerStore)), brandId, f, managerStore)
                .map(row -> row.get("n", Long.class)).one();
    }

    private static String where(StampCardFilter f, Long managerStore) {
        return " where c.brand_id = :brand"
                + (f.status() == null ? "" : " and c.status = :status")
                + (f.storeId() == null ? "" : " and c.store_id = :store")
                + (managerStore == null ? "" : " and (c.store_id is null or c.store_id = :managerStore)");
    }

    private static DatabaseClient.GenericExecuteSpec bindFilter(DatabaseClient.GenericExecuteSpec spec, long brandId,
                                                                StampCardFilter f, Long managerStore) {
        spec = spec.bind("brand", brandId);
        if (f.status() != null) {
            spec = spec.bind("status", f.status().name());
        }
        if (f.storeId() != null) {
            spec = spec.bind("store", f.storeId());
        }
        return managerStore == null ? spec : spec.bind("managerStore", managerStore);
    }

    /** The brand's definitions that collect stamps now (ACTIVE), with their current terms. */
    Flux<StampCard> active(long brandId) {
        return db.sql("select " + CARD_COLUMNS + " " + CURRENT + " where c.brand_id = :brand and c.status = 'ACTIVE'")
                .bind("brand", brandId).map(StampRepository::toCard).all();
    }

    /** The definitions a member sees (ACTIVE or PAUSED), with their current terms, oldest first. */
    Flux<StampCard> shown(long brandId) {
        return db.sql("select " + CARD_COLUMNS + " " + CURRENT
                        + " where c.brand_id = :brand and c.status in ('ACTIVE', 'PAUSED') order by c.id")
                .bind("brand", brandId).map(StampRepository::toCard).all();
    }

    /** The member's running card of the definition, locked for this transaction. */
    Mono<MemberStampCard> lockRunning(long cardId, long memberId) {
        return db.sql(MEMBER_CARD + " where m.card_id = :card and m.member_id = :member and m.status = 'RUNNING'"
                        + " for update of m")
                .bind("card", cardId).bind("member", memberId).map(StampRepository::toMemberCard).one();
    }

    /** The member's running cards of these definitions (as they are, no lock). */
    Flux<MemberStampCard> running(long memberId, Collection<Long> cardIds) {
        return cardIds.isEmpty() ? Flux.empty() : db.sql(MEMBER_CARD
                        + " where m.member_id = :member and m.card_id = any(:cards) and m.status = 'RUNNING'")
                .bind("member", memberId).bind("cards", cardIds.toArray(Long[]::new))
                .map(StampRepository::toMemberCard).all();
    }

    /** Cards the member completed, per definition. */
    Mono<Map<Long, Long>> completedCounts(long memberId) {
        return db.sql("""
                        select card_id, count(*) as n from member_stamp_card
                        where member_id = :member and status = 'COMPLETED' group by card_id
                        """)
                .bind("member", memberId)
                .map(row -> Map.entry(row.get("card_id", Long.class), row.get("n", Long.class))).all()
                .collectMap(Map.Entry::getKey, Map.Entry::getValue);
    }

    /** The member's cards, newest first (running, completed and expired), at most {@code limit}. */
    Flux<MemberStampCard> history(long memberId, int limit) {
        return db.sql(MEMBER_CARD + " where m.member_id = :member order by m.id desc limit :limit")
                .bind("member", memberId).bind("limit", limit).map(StampRepository::toMemberCard).all();
    }

    Mono<Void> expire(long memberCardId) {
        return db.sql("update member_stamp_card set status = 'EXPIRED' where id = :id and status = 'RUNNING'")
                .bind("id", memberCardId).then();
    }

    /** Starts the member's card under the definition's current version. */
    Mono<MemberStampCard> start(StampCard terms, long memberId, Instant startedAt, Instant endsAt) {
        return db.sql("""
                        insert into member_stamp_card (card_id, version, member_id, status, stamps, started_at, ends_at)
                        values (:card, :version, :member, 'RUNNING', 0, :started, :ends) returning id
                        """)
                .bind("card", terms.id()).bind("version", terms.version()).bind("member", memberId)
                .bind("started", startedAt).bind("ends", endsAt)
                .map(row -> row.get("id", Long.class)).one()
                .map(id -> new MemberStampCard(id, terms, memberId, MemberStampCard.Status.RUNNING, 0, startedAt, endsAt,
                        null, null));
    }

    /** Stamps the card for the order, once per order and definition; the card's stamps after, or empty for a repeat. */
    Mono<Integer> stamp(MemberStampCard card, long purchaseId, Instant at) {
        return db.sql("""
                        with stamped as (
                            insert into stamp (member_card_id, card_id, purchase_id, stamped_at)
                            values (:memberCard, :card, :purchase, :at)
                            on conflict (card_id, purchase_id) do nothing returning member_card_id)
                        update member_stamp_card m set stamps = stamps + 1
                        from stamped where m.id = stamped.member_card_id returning m.stamps
                        """)
                .bind("memberCard", card.id()).bind("card", card.terms().id()).bind("purchase", purchaseId).bind("at", at)
                .map(row -> row.get("stamps", Integer.class)).one();
    }

    /** Marks the running card completed; false when it was not running (completed by another). */
    Mono<Boolean> complete(long memberCardId, Instant at) {
        return db.sql("""
                        update member_stamp_card set status = 'COMPLETED', completed_at = :at
                        where id = :id and status = 'RUNNING' returning id
                        """)
                .bind("id", memberCardId).bind("at", at).map(row -> true).one().defaultIfEmpty(false);
    }

    Mono<Void> recordReward(long memberCardId, Long entryId, Long couponId, String note) {
        return db.sql("""
                        update member_stamp_card set reward_entry_id = :entry, reward_coupon_id = :coupon, reward_note = :note
                        where id = :id
                        """)
                .bind("id", memberCardId).bind("entry", Parameter.fromOrEmpty(entryId, Long.class))
                .bind("coupon", Parameter.fromOrEmpty(couponId, Long.class))
                .bind("note", Parameter.fromOrEmpty(note, String.class)).then();
    }

    /** The order's stamps on cards still running, their cards locked, with the terms each card started under. */
    Flux<Stamped> stampsOnRunningCards(long purchaseId) {
        return db.sql("select s.id as s_id, " + MEMBER_CARD.substring("select ".length())
                        + " join stamp s on s.member_card_id = m.id"
                        + " where s.purchase_id = :purchase and s.removed_at is null and m.status = 'RUNNING'"
                        + " order by m.id for update of m")
                .bind("purchase", purchaseId)
                .map(row -> new Stamped(row.get("s_id", Long.class), toMemberCard(row))).all();
    }

    /** A stamp and the card it is on. */
    record Stamped(long stampId, MemberStampCard card) {
    }

    /** Takes a stamp off its running card. */
    Mono<Void> removeStamp(long stampId, long memberCardId, Instant at) {
        return db.sql("""
                        with removed as (update stamp set removed_at = :at where id = :stamp and removed_at is null returning id)
                        update member_stamp_card set stamps = stamps - 1 from removed where member_stamp_card.id = :card
                        """)
                .bind("stamp", stampId).bind("card", memberCardId).bind("at", at).then();
    }

    /** Running, completed and stamps collected, per definition. */
    /**
     * The member's stamp cards, for their data export: each card as it ran (the terms it started
     * under, stamps, period, reward) with its stamps (the order each came from, when, and when a
     * refund took it back).
     */
    Mono<String> exportOf(long memberId) {
        return db.sql(com.loyalty.privacy.PersonalData.asJsonArray("""
                        select v.name as card, m.version as terms_version, m.status, m.stamps as stamps_collected,
                               v.stamps_needed, m.started_at, m.ends_at, m.completed_at, v.reward_points,
                               m.reward_coupon_id, m.reward_note,
                               (select coalesce(json_agg(json_build_object('purchaseId', s.purchase_id,
                                       'stampedAt', s.stamped_at, 'removedAt', s.removed_at) order by s.id), '[]')
                                from stamp s where s.member_card_id = m.id) as stamps
                        from member_stamp_card m
                        join stamp_card_version v on v.card_id = m.card_id and v.version = m.version
                        where m.member_id = :m order by m.id"""))
                .bind("m", memberId).mapValue(String.class).one();
    }

    Mono<Map<Long, StampCardStats>> stats(List<Long> cardIds) {
        return db.sql("""
                        select card_id, count(*) filter (where status = 'RUNNING') as running,
                               count(*) filter (where status = 'COMPLETED') as completed,
                               coalesce(sum(stamps), 0) as stamps
                        from member_stamp_card where card_id = any(:cards) group by card_id
                        """)
                .bind("cards", cardIds.toArray(Long[]::new))
                .map(row -> Map.entry(row.get("card_id", Long.class), new StampCardStats(row.get("running", Long.class),
                        row.get("completed", Long.class), row.get("stamps", Number.class).longValue())))
                .all().collectMap(Map.Entry::getKey, Map.Entry::getValue);
    }

    /** One version of a card: its terms, who saved it and when, whether it is the current one, members' cards running under it. */
    record VersionRow(StampCard terms, Long createdBy, Instant savedAt, boolean current, long runningCards) {
    }

    /** Every version of the brand's cards among {@code cardIds}. */
    Flux<VersionRow> versions(long brandId, Collection<Long> cardIds) {
        return db.sql("select " + CARD_COLUMNS + """
                        , v.created_by as v_created_by, v.created_at as v_created_at, v.version = c.version as current,
                          (select count(*) from member_stamp_card m
                           where m.card_id = v.card_id and m.version = v.version and m.status = 'RUNNING') as running
                        from stamp_card c join stamp_card_version v on v.card_id = c.id
                        where c.brand_id = :brand and c.id = any(:cards)
                        order by c.id, v.version desc
                        """)
                .bind("brand", brandId).bind("cards", cardIds.toArray(Long[]::new))
                .map(row -> new VersionRow(toCard(row), row.get("v_created_by", Long.class),
                        row.get("v_created_at", Instant.class), Boolean.TRUE.equals(row.get("current", Boolean.class)),
                        row.get("running", Long.class)))
                .all();
    }

    private static StampCard toCard(Readable row) {
        return new StampCard(row.get("id", Long.class), row.get("brand_id", Long.class), row.get("store_id", Long.class),
                StampCard.Status.valueOf(row.get("status", String.class)), row.get("version", Integer.class),
                row.get("name", String.class), row.get("stamps_needed", Integer.class), row.get("category", String.class),
                row.get("min_paid_cents", Long.class), StampCard.Period.valueOf(row.get("period", String.class)),
                row.get("period_days", Integer.class), row.get("reward_points", Long.class),
                row.get("reward_template_id", Long.class), row.get("created_at", Instant.class),
                row.get("updated_at", Instant.class));
    }

    private static MemberStampCard toMemberCard(Readable row) {
        return new MemberStampCard(row.get("m_id", Long.class), toCard(row), row.get("member_id", Long.class),
                MemberStampCard.Status.valueOf(row.get("m_status", String.class)), row.get("stamps", Integer.class),
                row.get("started_at", Instant.class), row.get("ends_at", Instant.class),
                row.get("completed_at", Instant.class), row.get("reward_note", String.class));
    }
}
