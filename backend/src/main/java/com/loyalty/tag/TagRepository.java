package com.loyalty.tag;

import com.loyalty.privacy.PersonalData;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** SQL for tag definitions, their conditions and lists of them. */
@Repository
class TagRepository {

    private final DatabaseClient db;

    TagRepository(DatabaseClient db) {
        this.db = db;
    }

    /** The new tag; empty when the brand already has a tag of that name. */
    public Mono<Tag> insert(long brandId, String name, Tag.Kind kind, long staffId, Instant at) {
        return db.sql("""
                        insert into tag (brand_id, name, kind, created_by, created_at)
                        values (:brandId, :name, :kind, :staff, :at)
                        on conflict (brand_id, name) do nothing
                        returning id, name, kind
                        """)
                .bind("brandId", brandId).bind("name", name).bind("kind", kind.name()).bind("staff", staffId)
                .bind("at", at)
                .map(TagRepository::toTag).one();
    }

    public Mono<Tag> find(long brandId, long id) {
        return db.sql("select id, name, kind from tag where brand_id = :brandId and id = :id")
                .bind("brandId", brandId).bind("id", id).map(TagRepository::toTag).one();
    }

    /** Renames the tag; empty when the brand has no such tag. */
    public Mono<Tag> rename(long brandId, long id, String name) {
        return db.sql("update tag set name = :name where brand_id = :brandId and id = :id returning id, name, kind")
                .bind("brandId", brandId).bind("id", id).bind("name", name).map(TagRepository::toTag).one();
    }

    /** Replaces the tag's conditions. */
    public Mono<Void> setConditions(long tagId, List<TagCondition> conditions) {
        return db.sql("delete from tag_condition where tag_id = :t").bind("t", tagId).then()
                .thenMany(Flux.range(0, conditions.size()).concatMap(i -> insertCondition(tagId, i, conditions.get(i))))
                .then();
    }

    private Mono<Void> insertCondition(long tagId, int position, TagCondition c) {
        return db.sql("""
                        insert into tag_condition (tag_id, position, kind, category, min_count, min_cents, within_days, days)
                        values (:t, :position, :kind, :category, :minCount, :minCents, :withinDays, :days)
                        """)
                .bind("t", tagId).bind("position", position).bind("kind", c.kind().name())
                .bind("category", Parameter.fromOrEmpty(c.category(), String.class))
                .bind("minCount", Parameter.fromOrEmpty(c.minCount(), Integer.class))
                .bind("minCents", Parameter.fromOrEmpty(c.minCents(), Long.class))
                .bind("withinDays", Parameter.fromOrEmpty(c.withinDays(), Integer.class))
                .bind("days", Parameter.fromOrEmpty(c.days(), Integer.class))
                .then();
    }

    /** The conditions of the tags, in their order, by tag id. */
    public Flux<RuleTag> rules(Collection<Long> tagIds) {
        return RuleTagRepository.grouped(db.sql("""
                        select t.id, t.brand_id, c.* from tag t join tag_condition c on c.tag_id = t.id
                        where t.id = any(:ids) order by t.id, c.position
                        """)
                .bind("ids", tagIds.toArray(Long[]::new)));
    }

    /** Deletes the tag, who has it and its history; false when the brand has no such tag. */
    public Mono<Boolean> delete(long brandId, long id) {
        return db.sql("delete from member_tag where tag_id = (select id from tag where brand_id = :brandId and id = :id)")
                .bind("brandId", brandId).bind("id", id).then()
                .then(db.sql("delete from tag where brand_id = :brandId and id = :id")
                        .bind("brandId", brandId).bind("id", id).fetch().rowsUpdated())
                .map(n -> n > 0);
    }

    /** A page of the brand's tags, newest first, before id {@code beforeId}. */
    public Flux<Tag> page(long brandId, Tag.Kind kind, String search, Long beforeId, int limit) {
        return db.sql("""
                        select id, name, kind from tag
                        where brand_id = :brandId and (cast(:kind as text) is null or kind = :kind)
                          and (cast(:search as text) is null or name ilike :search)
                          and (cast(:before as bigint) is null or id < :before)
                        order by id desc limit :limit
                        """)
                .bind("brandId", brandId).bind("kind", Parameter.fromOrEmpty(kind == null ? null : kind.name(), String.class))
                .bind("search", Parameter.fromOrEmpty(search, String.class))
                .bind("before", Parameter.fromOrEmpty(beforeId, Long.class)).bind("limit", limit)
                .map(TagRepository::toTag).all();
    }

    public Mono<Long> count(long brandId, Tag.Kind kind, String search) {
        return db.sql("select count(*) as n from tag where brand_id = :brandId and (cast(:kind as text) is null or kind = :kind)"
                        + " and (cast(:search as text) is null or name ilike :search)")
                .bind("brandId", brandId).bind("kind", Parameter.fromOrEmpty(kind == null ? null : kind.name(), String.class))
                .bind("search", Parameter.fromOrEmpty(search, String.class))
                .map(row -> row.get("n", Long.class)).one();
    }

    /** How many members have a tag. */
    public record TagMembers(long tagId, long members) {
    }

    /** How many members have each tag, only tags someone has. */
    public Flux<TagMembers> memberCounts(Collection<Long> tagIds) {
        return db.sql("select tag_id, count(*) as n from member_tag where tag_id = any(:ids) group by tag_id")
                .bind("ids", tagIds.toArray(Long[]::new))
                .map(row -> new TagMembers(row.get("tag_id", Long.class), row.get("n", Long.class))).all();
    }

    /** The tags the members have now, by name: {member id, tag}. */
    public Flux<MemberTag> tagsOf(Collection<Long> memberIds) {
        return db.sql("""
                        select mt.member_id, t.id, t.name, t.kind from member_tag mt join tag t on t.id = mt.tag_id
                        where mt.member_id = any(:ids) order by mt.member_id, t.name
                        """)
                .bind("ids", memberIds.toArray(Long[]::new))
                .map(row -> new MemberTag(row.get("member_id", Long.class), toTag(row))).all();
    }

    /** A tag a member has. */
    public record MemberTag(long memberId, Tag tag) {
    }

    /** The member's tags, for their data export. */
    public Mono<String> exportTags(long memberId) {
        return db.sql(PersonalData.asJsonArray("""
                        select t.name as tag, mt.added_at from member_tag mt join tag t on t.id = mt.tag_id
                        where mt.member_id = :m order by t.name
                        """))
                .bind("m", memberId).mapValue(String.class).one();
    }

    static Tag toTag(Readable row) {
        return new Tag(row.get("id", Long.class), row.get("name", String.class),
                Tag.Kind.valueOf(row.get("kind", String.class)));
    }
}
