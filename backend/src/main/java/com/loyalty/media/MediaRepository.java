package com.loyalty.media;

import java.time.Instant;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Rows of media_object: which member uploaded which object. */
@Repository
class MediaRepository {

    private final DatabaseClient db;

    MediaRepository(DatabaseClient db) {
        this.db = db;
    }

    Mono<Void> insert(String key, long memberId, String purpose, ImageFormat format, AvatarImages.Encoded image, Instant at) {
        return db.sql("""
                        insert into media_object (key, member_id, purpose, content_type, bytes, width, height, created_at)
                        values (:key, :member, :purpose, :type, :bytes, :width, :height, :at)
                        """)
                .bind("key", key).bind("member", memberId).bind("purpose", purpose).bind("type", format.contentType())
                .bind("bytes", image.bytes().length).bind("width", image.width()).bind("height", image.height())
                .bind("at", at)
                .then();
    }

    /** Whether the object exists and was uploaded by the member for that purpose. */
    Mono<Boolean> uploadedBy(String key, long memberId, String purpose) {
        return db.sql("select exists (select 1 from media_object where key = :key and member_id = :member and purpose = :purpose) as ok")
                .bind("key", key).bind("member", memberId).bind("purpose", purpose)
                .map(row -> row.get("ok", Boolean.class))
                .one();
    }

    /** Deletes the member's rows and answers their keys, for the store to delete the objects. */
    Flux<String> deleteOfMember(long memberId) {
        return db.sql("delete from media_object where member_id = :member returning key")
                .bind("member", memberId)
                .map(row -> row.get("key", String.class))
                .all();
    }
}
