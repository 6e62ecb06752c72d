package com.loyalty.checkin;

import com.loyalty.privacy.PersonalData;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.LocalDate;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** SQL for check-ins (streaks are worked out from a member's days by {@link CheckInHistory}). */
@Repository
class CheckInRepository {

    private final DatabaseClient db;

    CheckInRepository(DatabaseClient db) {
        this.db = db;
    }

    /** Inserts the check-in unless the member has one that day; empty in that case. */
    public Mono<CheckIn> insertIfAbsent(CheckIn c, Instant at) {
        return db.sql("""
                        insert into checkin (member_id, day, make_up, streak, points, created_at)
                        values (:memberId, :day, :makeUp, :streak, :points, :at)
                        on conflict (member_id, day) do nothing
                        returning *
                        """)
                .bind("memberId", c.memberId()).bind("day", c.day()).bind("makeUp", c.makeUp())
                .bind("streak", c.streak()).bind("points", c.points()).bind("at", at)
                .map(CheckInRepository::toCheckIn)
                .one();
    }

    /** Whether the member has checked in on that day (one index lookup, no lock). */
    public Mono<Boolean> exists(long memberId, LocalDate day) {
        return db.sql("select exists (select 1 from checkin where member_id = :memberId and day = :day) as found")
                .bind("memberId", memberId).bind("day", day)
                .map(row -> Boolean.TRUE.equals(row.get("found", Boolean.class)))
                .one();
    }

    /** Every check-in of the member, oldest first. */
    public Flux<CheckIn> all(long memberId) {
        return db.sql("select * from checkin where member_id = :m order by day")
                .bind("m", memberId)
                .map(CheckInRepository::toCheckIn)
                .all();
    }

    /** Every check-in of these members, by member and oldest first, in one query. */
    public Flux<CheckIn> allOf(java.util.Collection<Long> memberIds) {
        return db.sql("select * from checkin where member_id = any(:m) order by member_id, day")
                .bind("m", memberIds.toArray(Long[]::new))
                .map(CheckInRepository::toCheckIn)
                .all();
    }

    /** The member's check-ins, for their data export. */
    public Mono<String> exportCheckIns(long memberId) {
        return db.sql(PersonalData.asJsonArray(
                        "select day, make_up, streak, points, created_at from checkin where member_id = :m order by day"))
                .bind("m", memberId).mapValue(String.class).one();
    }

    private static CheckIn toCheckIn(Readable row) {
        return new CheckIn(row.get("member_id", Long.class), row.get("day", LocalDate.class),
                row.get("make_up", Boolean.class), row.get("streak", Integer.class), row.get("points", Long.class));
    }
}
