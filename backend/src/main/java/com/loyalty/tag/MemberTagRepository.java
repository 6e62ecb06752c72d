package com.loyalty.tag;

import java.time.Instant;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/** Puts manual tags on members and takes them off, each change with its history row, in one statement. */
@Repository
class MemberTagRepository {

    private final DatabaseClient db;

    MemberTagRepository(DatabaseClient db) {
        this.db = db;
    }

    /** True when the member did not have the tag before. */
    public Mono<Boolean> add(long memberId, long tagId, long staffId, String reason, Instant at) {
        return changed(db.sql("""
                        with added as (
                            insert into member_tag (member_id, tag_id, added_at, added_by)
                            values (:member, :tag, :at, :staff)
                            on conflict do nothing
                            returning member_id, tag_id)
                        insert into member_tag_event (member_id, tag_id, change, staff_id, reason, at)
                        select member_id, tag_id, 'ADDED', :staff, :reason, :at from added
                        """), memberId, tagId, staffId, reason, at);
    }

    /** True when the member had the tag. */
    public Mono<Boolean> remove(long memberId, long tagId, long staffId, String reason, Instant at) {
        return changed(db.sql("""
                        with removed as (
                            delete from member_tag where member_id = :member and tag_id = :tag
                            returning member_id, tag_id)
                        insert into member_tag_event (member_id, tag_id, change, staff_id, reason, at)
                        select member_id, tag_id, 'REMOVED', :staff, :reason, :at from removed
                        """), memberId, tagId, staffId, reason, at);
    }

    private static Mono<Boolean> changed(DatabaseClient.GenericExecuteSpec spec, long memberId, long tagId,
                                         long staffId, String reason, Instant at) {
        return spec.bind("member", memberId).bind("tag", tagId).bind("staff", staffId)
                .bind("reason", Parameter.fromOrEmpty(reason, String.class)).bind("at", at)
                .fetch().rowsUpdated().map(n -> n > 0);
    }

    /** Creates the manual tags the brand lacks and gives them; how many tags were new to their member. */
    public Mono<Long> importAll(long brandId, long staffId, java.util.List<TagImports.MemberTagName> tags,
                                java.time.Instant at) {
        Long[] members = tags.stream().map(TagImports.MemberTagName::memberId).toArray(Long[]::new);
        String[] names = tags.stream().map(TagImports.MemberTagName::name).toArray(String[]::new);
        return db.sql("""
                        insert into tag (brand_id, name, kind, created_by, created_at)
                        select distinct :brand, n, 'MANUAL', :staff, :at from unnest(cast(:names as text[])) as n
                        on conflict (brand_id, name) do nothing
                        """)
                .bind("brand", brandId).bind("staff", staffId).bind("at", at).bind("names", names)
                .then()
                .then(db.sql("""
                                with input as (
                                    select * from unnest(cast(:members as bigint[]), cast(:names as text[])) as t(member_id, name)),
                                added as (
                                    insert into member_tag (member_id, tag_id, added_at, added_by)
                                    select distinct i.member_id, t.id, cast(:at as timestamptz), :staff
                                    from input i join tag t on t.brand_id = :brand and t.name = i.name and t.kind = 'MANUAL'
                                    on conflict do nothing
                                    returning member_id, tag_id),
                                events as (
                                    insert into member_tag_event (member_id, tag_id, change, staff_id, reason, at)
                                    select member_id, tag_id, 'ADDED', :staff, '导入', :at from added
                                    returning member_id)
                                select count(*) as n from events
                                """)
                        .bind("brand", brandId).bind("staff", staffId).bind("at", at)
                        .bind("members", members).bind("names", names)
                        .map(row -> row.get("n", Long.class))
                        .one());
    }
}
