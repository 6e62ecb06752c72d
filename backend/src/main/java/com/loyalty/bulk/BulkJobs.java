package com.loyalty.bulk;

import com.loyalty.analytics.AnalyticsBackfill;
import com.loyalty.audit.StaffAuditLog;
import com.loyalty.points.PointsService;
import com.loyalty.shared.config.BrandProperties;
import com.loyalty.shared.graphql.BusinessException;
import com.loyalty.shared.graphql.ErrorCode;
import com.loyalty.shared.graphql.Pages;
import com.loyalty.shared.graphql.UserError;
import com.loyalty.shared.security.Viewer;
import com.loyalty.store.StoreService;
import com.loyalty.tier.Tier;
import com.loyalty.tier.TierService;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Starts dry runs and imports of uploaded files and runs them in the background, one job at a time
 * per brand: the file is read row by row on a worker thread, checked, and handed over in batches
 * ({@link MemberImportRun}, {@link OrderImportRun}); the job's counts are updated after each batch
 * for the console to poll. A job whose instance stopped is marked failed when the next one starts
 * (after loyalty.bulk.stale-after-seconds without progress); running the file again is safe.
 */
@Service
public class BulkJobs {

    private static final Logger log = LoggerFactory.getLogger(BulkJobs.class);

    private final BulkRepository bulk;
    private final BulkProperties properties;
    private final MemberImportRun memberRun;
    private final OrderImportRun orderRun;
    private final StoreService stores;
    private final TierService tiers;
    private final PointsService points;
    private final StaffAuditLog audit;
    private final BrandProperties brand;
    private final Clock clock;
    private final AnalyticsBackfill analytics;

    BulkJobs(AnalyticsBackfill analytics, BulkRepository bulk, BulkProperties properties, MemberImportRun memberRun, OrderImportRun orderRun,
             StoreService stores, TierService tiers, PointsService points, StaffAuditLog audit, BrandProperties brand,
             Clock clock) {
        this.bulk = bulk;
        this.properties = properties;
        this.memberRun = memberRun;
        this.orderRun = orderRun;
        this.stores = stores;
        this.tiers = tiers;
        this.points = points;
        this.audit = audit;
        this.brand = brand;
        this.clock = clock;
        this.analytics = analytics;
    }

    /** Starts a dry run or import of the file; BULK_JOB_RUNNING while the brand has one running. */
    public Mono<BulkJob> start(Viewer admin, StartBulkJobInput input) {
        Instant now = clock.instant();
        long fileId = input.fileId() == null ? 0 : input.fileId();
        boolean dryRun = !Boolean.FALSE.equals(input.dryRun());
        return bulk.findFile(admin.brandId(), fileId)
                .switchIfEmpty(Mono.error(() -> new BusinessException(UserError.onInput("fileId",
                        ErrorCode.BULK_FILE_NOT_FOUND, "文件不存在，请重新上传"))))
                .flatMap(file -> bulk.failStale(admin.brandId(), now.minusSeconds(properties.staleAfterSeconds()), now)
                        .then(bulk.insertJob(file, dryRun, admin.id(), now))
                        .onErrorMap(DuplicateKeyException.class, e -> new BusinessException(ErrorCode.BULK_JOB_RUNNING,
                                "已有导入任务在进行中，请等它结束后再开始"))
                        .flatMap(job -> audit.record(admin, null, dryRun ? "BULK_DRY_RUN" : "BULK_IMPORT", null,
                                        file.kind() + " " + file.filename() + " (#" + file.id() + ", job " + job.id() + ")")
                                .thenReturn(job))
                        .doOnNext(job -> run(job, file).subscribeOn(Schedulers.boundedElastic()).subscribe()));
    }

    public Mono<BulkJob> find(long brandId, long jobId) {
        return bulk.findJob(brandId, jobId);
    }

    public Mono<Pages.Page<BulkJob>> page(long brandId, BulkKind kind, Integer first, String after) {
        int size = Pages.size(first);
        Long afterId = Pages.after(after, "BulkJob");
        return bulk.page(brandId, kind, afterId, size + 1).collectList()
                .zipWith(bulk.count(brandId, kind))
                .map(t -> Pages.of(t.getT1(), size, BulkJob::id, "BulkJob", afterId != null, t.getT2()));
    }

    public Mono<List<BulkProblem>> problems(long jobId, Integer first) {
        return bulk.problems(jobId, Math.max(0, Math.min(first == null ? 100 : first, 1000))).collectList();
    }

    public Mono<Long> problemCount(long jobId) {
        return bulk.problemCount(jobId);
    }

    public Mono<Map<Long, BulkFile>> files(List<Long> ids) {
        return bulk.findFiles(ids).collectMap(BulkFile::id);
    }

    /** Reads the whole file on this (worker) thread, batch by batch; the job ends DONE or FAILED with its reason. */
    private Mono<Void> run(BulkJob job, BulkFile file) {
        return Mono.<Void>fromRunnable(() -> {
            try {
                BrandBook book = book(job.brandId());
                if (job.kind() == BulkKind.MEMBERS) {
                    readMembers(job, file, book);
                } else {
                    readOrders(job, file, book);
                    if (!job.dryRun()) {
                        rollUpImportedDays(job.brandId());
                    }
                }
                bulk.finish(job.id(), BulkJob.Status.DONE, null, clock.instant()).block();
            } catch (RowReader.BadFile e) {
                bulk.finish(job.id(), BulkJob.Status.FAILED, e.getMessage(), clock.instant()).block();
            } catch (RuntimeException e) {
                log.error("bulk job {} failed", job.id(), e);
                bulk.finish(job.id(), BulkJob.Status.FAILED, "导入出错，已提交的批次保留；可重新运行（已导入的行会跳过）",
                        clock.instant()).block();
            }
        });
    }

    /** Rolls the analytics up again for the days of imported orders, so the reports show the history. */
    private void rollUpImportedDays(long brandId) {
        Instant earliest = bulk.earliestImportedOrder(brandId).block();
        if (earliest != null) {
            analytics.backfill(brandId, java.time.LocalDate.ofInstant(earliest, brand.zone()),
                    java.time.LocalDate.now(clock.withZone(brand.zone()))).block();
        }
    }

    private BrandBook book(long brandId) {
        Instant now = clock.instant();
        Map<String, Long> storeNames = BrandBook.storesOf(stores.list(brandId).collectList().block());
        Map<String, Integer> tierNames = new LinkedHashMap<>();
        for (Tier tier : tiers.tiersAt(now)) {
            tierNames.put(BrandBook.key(tier.name()), tier.level());
        }
        return new BrandBook(storeNames, tierNames, now, brand.zone(), points.expiryFor(now));
    }

    private void readMembers(BulkJob job, BulkFile file, BrandBook book) {
        Batches<MemberRow> batches = new Batches<>((rows, progress) -> job.dryRun()
                ? memberRun.count(job, rows, progress).flatMap(p -> bulk.insertProblems(job.id(), p.problems())
                        .then(bulk.addProgress(job.id(), p, clock.instant())).thenReturn(p))
                : memberRun.write(job, rows, progress, clock.instant()));
        try {
            readAll(file, batches, new RowReader.RowSink() {
                MemberRowCheck check;

                @Override
                public void row(long rowNo, List<String> cells) {
                    if (check == null) {
                        Columns<MemberField> columns = Columns.of(cells, MemberField.class);
                        String missing = columns.missing(MemberField.class);
                        if (!missing.isEmpty()) {
                            throw new RowReader.BadFile("第一行须是表头，缺少" + missing + "列（模板见「下载模板」）");
                        }
                        check = new MemberRowCheck(columns, book);
                        return;
                    }
                    batches.add(rowNo, problems -> check.check(rowNo, cells, problems));
                }
            }, "文件里没有会员行");
        } finally {
            batches.settle();
        }
    }

    private void readOrders(BulkJob job, BulkFile file, BrandBook book) {
        Batches<OrderRow> batches = new Batches<>((rows, progress) -> orderRun.run(job, rows, progress, clock.instant()));
        try {
            readAll(file, batches, new RowReader.RowSink() {
                OrderRowCheck check;

                @Override
                public void row(long rowNo, List<String> cells) {
                    if (check == null) {
                        Columns<OrderField> columns = Columns.of(cells, OrderField.class);
                        String missing = columns.missing(OrderField.class);
                        if (!missing.isEmpty() || !columns.has(OrderField.PHONE) && !columns.has(OrderField.MEMBER_NO)) {
                            throw new RowReader.BadFile("第一行须是表头，缺少" + (missing.isEmpty() ? "「手机号」或「会员编号」"
                                    : missing) + "列（模板见「下载模板」）");
                        }
                        check = new OrderRowCheck(columns, book);
                        return;
                    }
                    batches.add(rowNo, problems -> check.check(rowNo, cells, problems));
                }
            }, "文件里没有订单行");
        } finally {
            batches.settle();
        }
    }

    /** Reads the file into the batches and writes the last one; a file without rows is refused with {@code empty}. */
    private static <R> void readAll(BulkFile file, Batches<R> batches, RowReader.RowSink sink, String empty) {
        RowReader.read(file.path(), file.format(), sink);
        if (!batches.sawRows()) {
            throw new RowReader.BadFile(empty);
        }
        batches.flush();
        batches.awaitInFlight();
    }

    /** Collects checked rows and their problems into batches and hands each over, waiting for it. */
    private final class Batches<R> {
        private final java.util.function.BiFunction<List<R>, Progress, Mono<Progress>> handler;
        private List<R> rows = new ArrayList<>();
        private List<BulkProblem> problems = new ArrayList<>();
        private long read;
        private long total;
        private java.util.concurrent.CompletableFuture<Progress> inFlight;

        Batches(java.util.function.BiFunction<List<R>, Progress, Mono<Progress>> handler) {
            this.handler = handler;
        }

        void add(long rowNo, java.util.function.Function<List<BulkProblem>, R> check) {
            if (++total > properties.maxRows()) {
                throw new RowReader.BadFile("文件超过 " + properties.maxRows() + " 行，请拆成几个文件");
            }
            read++;
            R row = check.apply(problems);
            if (row != null) {
                rows.add(row);
            }
            if (read >= properties.batchSize()) {
                flush();
            }
        }

        boolean sawRows() {
            return total > 0;
        }

        void flush() {
            if (read == 0) {
                return;
            }
            Progress progress = Progress.of(read, problems);
            List<R> batch = rows;
            rows = new ArrayList<>();
            problems = new ArrayList<>();
            read = 0;
            // one batch in the database at a time, while the next is read and checked
            awaitInFlight();
            inFlight = handler.apply(batch, progress).toFuture();
        }

        /** Waits for the batch in the database, if any, ignoring its failure (the job fails already). */
        void settle() {
            try {
                awaitInFlight();
            } catch (RuntimeException ignored) {
                // the job ends FAILED for the reason already thrown
            }
        }

        /** Waits for the batch in the database; its failure fails the job. */
        void awaitInFlight() {
            if (inFlight == null) {
                return;
            }
            try {
                inFlight.join();
            } catch (java.util.concurrent.CompletionException e) {
                throw e.getCause() instanceof RuntimeException cause ? cause : e;
            } finally {
                inFlight = null;
            }
        }
    }
}
