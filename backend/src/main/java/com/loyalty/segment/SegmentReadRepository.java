package com.loyalty.segment;

import com.loyalty.privacy.PersonalData;
import io.r2dbc.spi.Readable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Reads saved segments, stage changes and the brand's counts per segment. */
@Repository
class SegmentReadRepository {

    private final DatabaseClient db;

    SegmentReadRepository(DatabaseClient db) {
        this.db = db;
    }

    public Flux<MemberSegment> findByMemberIds(Collection<Long> memberIds) {
        return db.sql("select * from member_segment where member_id = any(:ids)")
                .bind("ids", memberIds.toArray(Long[]::new))
                .map(SegmentReadRepository::toSegment).all();
    }

    /** The member's stage changes, newest first. */
    public Flux<MemberProfile.StageChange> stageChanges(long memberId, int limit) {
        return db.sql("select * from lifecycle_change where member_id = :m order by id desc limit :limit")
                .bind("m", memberId).bind("limit", limit)
                .map(row -> new MemberProfile.StageChange(stage(row.get("from_stage", String.class)),
                        stage(row.get("to_stage", String.class)), row.get("as_of", LocalDate.class),
                        row.get("changed_at", Instant.class)))
                .all();
    }

    /** Members per value of a column of member_segment (stage, rfm_segment or quadrant), skipping nulls. */
    public Mono<Map<String, Long>> countBy(long brandId, String column) {
        if (!column.equals("stage") && !column.equals("rfm_segment") && !column.equals("quadrant")) {
            throw new IllegalArgumentException(column);
        }
        return db.sql("select " + column + " as v, count(*) as n from member_segment where brand_id = :b and "
                        + column + " is not null group by " + column)
                .bind("b", brandId)
                .map(row -> Map.entry(row.get("v", String.class), row.get("n", Long.class))).all()
                .collectMap(Map.Entry::getKey, Map.Entry::getValue);
    }

    /** The member's segment, for their data export. */
    public Mono<String> exportSegment(long memberId) {
        return db.sql(PersonalData.asJsonArray("""
                        select as_of, orders, last_purchase_at, recency_days, frequency, monetary_cents, rfm_segment, quadrant,
                               stage, stage_since from member_segment where member_id = :m
                        """))
                .bind("m", memberId).mapValue(String.class).one();
    }

    /** The member's lifecycle stage changes, for their data export. */
    public Mono<String> exportLifecycleHistory(long memberId) {
        return db.sql(PersonalData.asJsonArray(
                        "select from_stage, to_stage, as_of from lifecycle_change where member_id = :m order by id"))
                .bind("m", memberId).mapValue(String.class).one();
    }

    private static LifecycleStage stage(String name) {
        return name == null ? null : LifecycleStage.valueOf(name);
    }

    private static MemberSegment toSegment(Readable row) {
        String rfm = row.get("rfm_segment", String.class);
        String quadrant = row.get("quadrant", String.class);
        return new MemberSegment(
                row.get("member_id", Long.class),
                row.get("as_of", LocalDate.class),
                row.get("orders", Integer.class),
                row.get("last_purchase_at", Instant.class),
                row.get("usual_interval_days", BigDecimal.class),
                row.get("recency_days", Integer.class),
                row.get("frequency", Integer.class),
                row.get("monetary_cents", Long.class),
                row.get("avg_order_cents", Long.class),
                score(row, "r_score"), score(row, "f_score"), score(row, "m_score"), score(row, "a_score"),
                rfm == null ? null : RfmSegment.valueOf(rfm),
                quadrant == null ? null : Quadrant.valueOf(quadrant),
                LifecycleStage.valueOf(row.get("stage", String.class)),
                row.get("stage_since", LocalDate.class));
    }

    private static Integer score(Readable row, String column) {
        Short value = row.get(column, Short.class);
        return value == null ? null : value.intValue();
    }
}
