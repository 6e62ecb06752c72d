package com.loyalty.bulk;

import com.loyalty.shared.graphql.Pages;
import com.loyalty.shared.graphql.Payloads;
import com.loyalty.shared.security.Viewer;
import java.util.List;
import java.util.Map;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/** Admins start dry runs and imports of uploaded files and follow them. */
@Controller
class BulkController {

    private final BulkJobs jobs;

    BulkController(BulkJobs jobs) {
        this.jobs = jobs;
    }

    @PreAuthorize("hasRole('ADMIN')")
    @QueryMapping
    public Mono<Pages.Page<BulkJob>> bulkJobs(@Argument BulkKind kind, @Argument Integer first, @Argument String after,
                                              @AuthenticationPrincipal Viewer viewer) {
        return jobs.page(viewer.brandId(), kind, first, after);
    }

    @PreAuthorize("hasRole('ADMIN')")
    @QueryMapping
    public Mono<BulkJob> bulkJob(@Argument Long id, @AuthenticationPrincipal Viewer viewer) {
        return jobs.find(viewer.brandId(), id);
    }

    @PreAuthorize("hasRole('ADMIN')")
    @MutationMapping
    public Mono<BulkJobPayload> startBulkJob(@Argument StartBulkJobInput input, @AuthenticationPrincipal Viewer viewer) {
        return jobs.start(viewer, input).map(BulkJobPayload::of).transform(Payloads.recover(BulkJobPayload::failed));
    }

    @BatchMapping(typeName = "BulkJob")
    public Mono<Map<BulkJob, BulkFile>> file(List<BulkJob> list) {
        return jobs.files(list.stream().map(BulkJob::fileId).distinct().toList())
                .map(files -> {
                    Map<BulkJob, BulkFile> out = new java.util.LinkedHashMap<>();
                    list.forEach(job -> out.put(job, files.get(job.fileId())));
                    return out;
                });
    }

    @SchemaMapping(typeName = "BulkJob")
    public Mono<List<BulkProblem>> problems(BulkJob job, @Argument Integer first) {
        return jobs.problems(job.id(), first);
    }

    @SchemaMapping(typeName = "BulkJob")
    public Mono<Long> problemCount(BulkJob job) {
        return jobs.problemCount(job.id());
    }
}
