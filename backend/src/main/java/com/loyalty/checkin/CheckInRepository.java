package com.loyalty.checkin;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.LocalDate;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** SQL for check-ins; streaks are islands of consecutive days. */
@Repository
public class CheckInRepository {

    private final DatabaseClient db;

    public CheckInRepository(DatabaseClient db) {
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

    public Mono<Boolean> exists(long memberId, LocalDate day) {
        return db.sql("select exists (select 1 from checkin where member_id = :m and day = :d) as found")
                .bind("m", memberId).bind("d", day).map(row -> row.get("found", Boolean.class)).one();
    }

    /** Every check-in of the member, oldest first. */
    public Flux<CheckIn> all(long memberId) {
        return db.sql("select * from checkin where member_id = :m order by day")
                .bind("m", memberId)
                .map(CheckInRepository::toCheckIn)
                .all();
    }

    /** Days in a row ending at {@code day}; 0 when the member did not check in that day. */
    public Mono<Integer> streakEndingAt(long memberId, LocalDate day) {
        return db.sql("""
                        with t as (select day, day + cast(row_number() over (order by day desc) as int) as grp
                                   from checkin where member_id = :m and day <= :d)
                        select count(*)::int as n from t where grp = (select grp from t where day = :d)
                        """)
                .bind("m", memberId).bind("d", day).map(row -> row.get("n", Integer.class)).one();
    }

    public Mono<Integer> makeUpsBetween(long memberId, LocalDate from, LocalDate toInclusive) {
        return db.sql("""
                        select count(*)::int as n from checkin
                        where member_id = :m and make_up and day between :from and :to
                        """)
                .bind("m", memberId).bind("from", from).bind("to", toInclusive)
                .map(row -> row.get("n", Integer.class)).one();
    }

    private static CheckIn toCheckIn(Readable row) {
        return new CheckIn(row.get("member_id", Long.class), row.get("day", LocalDate.class),
                row.get("make_up", Boolean.class), row.get("streak", Integer.class), row.get("points", Long.class));
    }
}
