package com.loyalty.media;

import java.time.Instant;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Rows of media_object: which member uploaded which avatar, which staff member which picture (brand, store, what for). */
@Repository
class MediaRepository {

    private final DatabaseClient db;

    MediaRepository(DatabaseClient db) {
        this.db = db;
    }

    Mono<Void> insert(String key, long memberId, String purpose, ImageFormat format, UploadedImages.Encoded image, Instant at) {
        return db.sql("""
                        insert into media_object (key, member_id, purpose, content_type, bytes, width, height, created_at)
                        values (:key, :member, :purpose, :type, :bytes, :width, :height, :at)
                        """)
                .bind("key", key).bind("member", memberId).bind("purpose", purpose).bind("type", format.contentType())
                .bind("bytes", image.bytes().length).bind("width", image.width()).bind("height", image.height())
                .bind("at", at)
                .then();
    }

    /** A picture uploaded by staff: GOODS (no store) or EVENT (a store, or none: the brand's). */
    Mono<Void> insertPicture(String key, long brandId, long staffId, Long storeId, PictureUse use, UploadedImages.Encoded image,
                             Instant at) {
        return db.sql("""
                        insert into media_object (key, brand_id, staff_id, store_id, purpose, content_type, bytes, width, height,
                            created_at)
                        values (:key, :brand, :staff, :store, :purpose, :type, :bytes, :width, :height, :at)
                        """)
                .bind("key", key).bind("brand", brandId).bind("staff", staffId)
                .bind("store", Parameter.fromOrEmpty(storeId, Long.class)).bind("purpose", use.name())
                .bind("type", image.format().contentType()).bind("bytes", image.bytes().length)
                .bind("width", image.width()).bind("height", image.height()).bind("at", at)
                .then();
    }

    /** Who a staff picture belongs to: its brand, store (null: none or the brand's) and use. */
    record PictureOwner(long brandId, Long storeId, PictureUse use) {
    }

    /** The owner of the picture under the key; empty for an unknown key or a member's avatar. */
    Mono<PictureOwner> pictureOwner(String key) {
        return db.sql("select brand_id, store_id, purpose from media_object where key = :key and purpose <> 'AVATAR'")
                .bind("key", key)
                .map(row -> new PictureOwner(row.get("brand_id", Long.class), row.get("store_id", Long.class),
                        PictureUse.valueOf(row.get("purpose", String.class))))
                .one();
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
