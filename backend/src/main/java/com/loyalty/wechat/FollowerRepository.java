package com.loyalty.wechat;

import java.time.Instant;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/** SQL of the official account's followers. */
@Repository
class FollowerRepository {

    private final DatabaseClient db;

    FollowerRepository(DatabaseClient db) {
        this.db = db;
    }

    /** Records a follow or unfollow; an older event than the one recorded changes nothing. */
    public Mono<Void> record(String openid, String unionid, boolean following, Instant at) {
        return db.sql("""
                        insert into official_account_follower (openid, unionid, following, changed_at)
                        values (:o, :u, :f, :at)
                        on conflict (openid) do update
                        set unionid = coalesce(excluded.unionid, official_account_follower.unionid),
                            following = excluded.following, changed_at = excluded.changed_at
                        where official_account_follower.changed_at <= excluded.changed_at
                        """)
                .bind("o", openid).bind("u", Parameter.fromOrEmpty(unionid, String.class)).bind("f", following)
                .bind("at", at)
                .then();
    }

    /** The openid under which the unionid follows the account now; empty when it does not. */
    public Mono<String> followingOpenid(String unionid) {
        return db.sql("select openid from official_account_follower where unionid = :u and following "
                        + "order by changed_at desc limit 1")
                .bind("u", unionid).map(row -> row.get("openid", String.class)).one();
    }
}
