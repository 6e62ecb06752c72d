package com.loyalty.notify;

import java.time.LocalDate;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/** SQL of the SMS sent per member and business day, for the daily limit. */
@Repository
class SmsQuotaRepository {

    private final DatabaseClient db;

    SmsQuotaRepository(DatabaseClient db) {
        this.db = db;
    }

    /**
     * Takes one of the member's SMS of the day, atomically (concurrent senders cannot both take the
     * last one); false when {@code limit} were already taken that day.
     */
    public Mono<Boolean> take(long memberId, LocalDate day, int limit) {
        return db.sql("""
                        insert into sms_daily_count (member_id, day, sent) values (:m, :d, 1)
                        on conflict (member_id, day) do update set sent = sms_daily_count.sent + 1
                        where sms_daily_count.sent < :limit
                        returning sent
                        """)
                .bind("m", memberId).bind("d", day).bind("limit", limit)
                .map(row -> row.get("sent", Integer.class))
                .all().hasElements()
                .map(taken -> taken && limit > 0);
    }

    /** Gives back an SMS of the day that was not sent after all (the provider refused it). */
    public Mono<Void> giveBack(long memberId, LocalDate day) {
        return db.sql("update sms_daily_count set sent = sent - 1 where member_id = :m and day = :d and sent > 0")
                .bind("m", memberId).bind("d", day).then();
    }
}
