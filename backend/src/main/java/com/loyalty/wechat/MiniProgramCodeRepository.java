package com.loyalty.wechat;

import java.time.Instant;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/** SQL for the kept mini-program codes. */
@Repository
class MiniProgramCodeRepository {

    private final DatabaseClient db;

    MiniProgramCodeRepository(DatabaseClient db) {
        this.db = db;
    }

    /** The image key of the code kept for the scene and page; empty when none is kept. */
    Mono<String> keyOf(String scene, String page) {
        return db.sql("select image_key from mini_program_code where scene = :scene and page = :page")
                .bind("scene", scene).bind("page", page)
                .map(row -> row.get("image_key", String.class))
                .one();
    }

    /** Keeps the code unless one is kept for the scene and page already (then empty). */
    Mono<String> insertIfAbsent(String scene, String page, String imageKey, byte[] png, Instant at) {
        return db.sql("""
                        insert into mini_program_code (scene, page, image_key, png, created_at)
                        values (:scene, :page, :key, :png, :at)
                        on conflict (scene, page) do nothing
                        returning image_key
                        """)
                .bind("scene", scene).bind("page", page).bind("key", imageKey)
                .bind("png", java.nio.ByteBuffer.wrap(png)).bind("at", at)
                .map(row -> row.get("image_key", String.class))
                .one();
    }

    Mono<byte[]> png(String imageKey) {
        return db.sql("select png from mini_program_code where image_key = :key")
                .bind("key", imageKey)
                .map(row -> {
                    java.nio.ByteBuffer buffer = row.get("png", java.nio.ByteBuffer.class);
                    byte[] bytes = new byte[buffer.remaining()];
                    buffer.get(bytes);
                    return bytes;
                })
                .one();
    }
}
