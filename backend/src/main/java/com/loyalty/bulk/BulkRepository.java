package com.loyalty.bulk;

import io.r2dbc.spi.Readable;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** SQL of uploaded files, jobs and their problems, and the phones imported so far. */
@Repository
class BulkRepository {

    private static final HexFormat HEX = HexFormat.of();

    private final DatabaseClient db;
    private final int maxProblems;

    BulkRepository(DatabaseClient db, BulkProperties properties) {
        this.db = db;
        this.maxProblems = properties.maxProblems();
    }

    Mono<BulkFile> insertFile(long brandId, BulkKind kind, String filename, FileFormat format, long size, String sha256,
                              Path path, long staffId, Instant at) {
        return db.sql("""
                        insert into bulk_file (brand_id, kind, filename, format, size_bytes, sha256, path, uploaded_by, uploaded_at)
                        values (:brand, :kind, :filename, :format, :size, :sha, :path, :staff, :at)
                        returning *
                        """)
                .bind("brand", brandId).bind("kind", kind.name()).bind("filename", filename).bind("format", format.name())
                .bind("size", size).bind("sha", sha256).bind("path", path.toString()).bind("staff", staffId).bind("at", at)
                .map(BulkRepository::toFile).one();
    }

    Mono<BulkFile> findFile(long brandId, long id) {
        return db.sql("select * from bulk_file where id = :id and brand_id = :brand")
                .bind("id", id).bind("brand", brandId).map(BulkRepository::toFile).one();
    }

    Flux<BulkFile> findFiles(Collection<Long> ids) {
        return db.sql("select * from bulk_file where id = any(:ids)")
                .bind("ids", ids.toArray(Long[]::new)).map(BulkRepository::toFile).all();
    }

    /** Marks the brand's running jobs that made no progress since {@code before} as failed (their instance stopped). */
    Mono<Long> failStale(long brandId, Instant before, Instant now) {
        return db.sql("""
                        update bulk_job set status = 'FAILED', finished_at = :now,
                                            error = '任务中断（服务重启或停止），可重新运行：已导入的行会跳过'
                        where brand_id = :brand and status = 'RUNNING' and heartbeat_at < :before
                        """)
                .bind("brand", brandId).bind("before", before).bind("now", now)
                .fetch().rowsUpdated();
    }

    /** Starts a job; DuplicateKeyException when the brand has one running. */
    Mono<BulkJob> insertJob(BulkFile file, boolean dryRun, long staffId, Instant at) {
        return db.sql("""
                        insert into bulk_job (brand_id, file_id, kind, dry_run, status, started_by, started_at, heartbeat_at)
                        values (:brand, :file, :kind, :dry, 'RUNNING', :staff, :at, :at)
                        returning *
                        """)
                .bind("brand", file.brandId()).bind("file", file.id()).bind("kind", file.kind().name())
                .bind("dry", dryRun).bind("staff", staffId).bind("at", at)
                .map(BulkRepository::toJob).one();
    }

    Mono<Void> addProgress(long jobId, Progress p, Instant at) {
        return db.sql("""
                        update bulk_job set rows_read = rows_read + :read, imported = imported + :imported,
                                            matched = matched + :matched, skipped = skipped + :skipped,
                                            failed = failed + :failed, points_total = points_total + :points,
                                            stored_value_cents = stored_value_cents + :cents, heartbeat_at = :at
                        where id = :id
                        """)
                .bind("id", jobId).bind("read", p.rowsRead()).bind("imported", p.imported()).bind("matched", p.matched())
                .bind("skipped", p.skipped()).bind("failed", p.failed()).bind("points", p.points())
                .bind("cents", p.cents()).bind("at", at)
                .then();
    }

    /** Keeps the problems while the job has fewer than loyalty.bulk.max-problems (the counts go on regardless). */
    Mono<Void> insertProblems(long jobId, List<BulkProblem> problems) {
        if (problems.isEmpty()) {
            return Mono.empty();
        }
        return db.sql("""
                        insert into bulk_problem (job_id, row_no, field, message)
                        select :job, r, f, m from unnest(cast(:rows as bigint[]), cast(:fields as text[]),
                                                         cast(:messages as text[])) as t(r, f, m)
                        where (select count(*) from bulk_problem where job_id = :job) < :max
                        """)
                .bind("job", jobId).bind("max", maxProblems)
                .bind("rows", problems.stream().map(BulkProblem::row).toArray(Long[]::new))
                .bind("fields", problems.stream().map(BulkProblem::field).toArray(String[]::new))
                .bind("messages", problems.stream().map(BulkProblem::message).toArray(String[]::new))
                .then();
    }

    Mono<Void> finish(long jobId, BulkJob.Status status, String error, Instant at) {
        return db.sql("""
                        update bulk_job set status = :status, error = :error, finished_at = :at, heartbeat_at = :at
                        where id = :id and status = 'RUNNING'
                        """)
                .bind("id", jobId).bind("status", status.name())
                .bind("error", Parameter.fromOrEmpty(error, String.class)).bind("at", at)
                .then();
    }

    Mono<BulkJob> findJob(long brandId, long id) {
        return db.sql("select * from bulk_job where id = :id and brand_id = :brand")
                .bind("id", id).bind("brand", brandId).map(BulkRepository::toJob).one();
    }

    Flux<BulkJob> page(long brandId, BulkKind kind, Long afterId, int limit) {
        return db.sql("""
                        select * from bulk_job
                        where brand_id = :brand and (cast(:kind as text) is null or kind = :kind)
                          and (cast(:after as bigint) is null or id < :after)
                        order by id desc limit :limit
                        """)
                .bind("brand", brandId).bind("kind", Parameter.fromOrEmpty(kind == null ? null : kind.name(), String.class))
                .bind("after", Parameter.fromOrEmpty(afterId, Long.class)).bind("limit", limit)
                .map(BulkRepository::toJob).all();
    }

    Mono<Long> count(long brandId, BulkKind kind) {
        return db.sql("select count(*) as n from bulk_job where brand_id = :brand and (cast(:kind as text) is null or kind = :kind)")
                .bind("brand", brandId).bind("kind", Parameter.fromOrEmpty(kind == null ? null : kind.name(), String.class))
                .map(row -> row.get("n", Long.class)).one();
    }

    Flux<BulkProblem> problems(long jobId, int limit) {
        return db.sql("select row_no, field, message from bulk_problem where job_id = :job order by row_no limit :limit")
                .bind("job", jobId).bind("limit", limit)
                .map(row -> new BulkProblem(row.get("row_no", Long.class), row.get("field", String.class),
                        row.get("message", String.class)))
                .all();
    }

    Mono<Long> problemCount(long jobId) {
        return db.sql("select count(*) as n from bulk_problem where job_id = :job")
                .bind("job", jobId).map(row -> row.get("n", Long.class)).one();
    }

    /** Which of these phone hashes (hex) an import of the brand has taken before. */
    Flux<String> importedPhones(long brandId, Collection<String> hexHashes) {
        return db.sql("""
                        select encode(phone_hash, 'hex') as h from bulk_member_row
                        where brand_id = :brand
                          and phone_hash = any(select decode(h, 'hex') from unnest(cast(:hashes as text[])) as h)
                        """)
                .bind("brand", brandId).bind("hashes", hexHashes.toArray(String[]::new))
                .map(row -> row.get("h", String.class)).all();
    }

    /** Remembers which member each imported phone became (and their number in the old system). */
    Mono<Void> recordRows(long brandId, long jobId, List<String> hexHashes, List<Long> memberIds, List<String> memberNos) {
        if (hexHashes.isEmpty()) {
            return Mono.empty();
        }
        return db.sql("""
                        insert into bulk_member_row (brand_id, phone_hash, member_id, job_id, external_no)
                        select :brand, decode(h, 'hex'), m,  :job,
                               -- a number another member has already keeps pointing at that member
                               case when exists (select 1 from bulk_member_row b where b.brand_id = :brand
                                                                                  and b.external_no = n)
                                    then null else n end
                        from unnest(cast(:hashes as text[]), cast(:members as bigint[]), cast(:nos as text[])) as t(h, m, n)
                        on conflict do nothing
                        """)
                .bind("brand", brandId).bind("job", jobId)
                .bind("hashes", hexHashes.toArray(String[]::new))
                .bind("members", memberIds.toArray(Long[]::new))
                .bind("nos", memberNos.toArray(String[]::new))
                .then();
    }

    /** The members imported with these numbers of the old system: number to member id. */
    Mono<Map<String, Long>> membersByNumber(long brandId, Collection<String> numbers) {
        return db.sql("""
                        select external_no, member_id from bulk_member_row
                        where brand_id = :brand and external_no = any(:nos)
                        """)
                .bind("brand", brandId).bind("nos", numbers.toArray(String[]::new))
                .map(row -> Map.entry(row.get("external_no", String.class), row.get("member_id", Long.class)))
                .all().collectMap(Map.Entry::getKey, Map.Entry::getValue);
    }

    /** When the brand's earliest imported order happened; empty when there is none. */
    Mono<Instant> earliestImportedOrder(long brandId) {
        return db.sql("select min(occurred_at) as at from purchase where brand_id = :brand and imported")
                .bind("brand", brandId).map(row -> java.util.Optional.ofNullable(row.get("at", Instant.class))).one()
                .flatMap(Mono::justOrEmpty);
    }

    static String hex(byte[] bytes) {
        return HEX.formatHex(bytes);
    }

    private static BulkFile toFile(Readable row) {
        return new BulkFile(row.get("id", Long.class), row.get("brand_id", Long.class),
                BulkKind.valueOf(row.get("kind", String.class)), row.get("filename", String.class),
                FileFormat.valueOf(row.get("format", String.class)), row.get("size_bytes", Long.class),
                row.get("sha256", String.class), Path.of(row.get("path", String.class)),
                row.get("uploaded_by", Long.class), row.get("uploaded_at", Instant.class));
    }

    private static BulkJob toJob(Readable row) {
        return new BulkJob(row.get("id", Long.class), row.get("brand_id", Long.class), row.get("file_id", Long.class),
                BulkKind.valueOf(row.get("kind", String.class)), Boolean.TRUE.equals(row.get("dry_run", Boolean.class)),
                BulkJob.Status.valueOf(row.get("status", String.class)), row.get("rows_read", Long.class),
                row.get("imported", Long.class), row.get("matched", Long.class), row.get("skipped", Long.class),
                row.get("failed", Long.class), row.get("points_total", Long.class),
                row.get("stored_value_cents", Long.class), row.get("error", String.class),
                row.get("started_by", Long.class), row.get("started_at", Instant.class),
                row.get("finished_at", Instant.class));
    }
}
