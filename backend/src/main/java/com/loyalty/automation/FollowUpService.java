package com.loyalty.automation;

import com.loyalty.shared.graphql.BusinessException;
import com.loyalty.shared.graphql.ErrorCode;
import com.loyalty.shared.graphql.Pages;
import com.loyalty.shared.graphql.UserError;
import com.loyalty.shared.security.Role;
import com.loyalty.shared.security.Viewer;
import com.loyalty.audit.StaffAuditLog;
import com.loyalty.store.StoreScope;
import java.time.Clock;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * The store's call list: staff see their own store's tasks (an admin any store's, or the whole
 * brand's) and record how each call went (audited).
 */
@Service
class FollowUpService {

    private static final String CURSOR_KIND = "follow-up";
    private static final int MAX_NOTE = 500;

    private final FollowUpRepository tasks;
    private final StoreScope scope;
    private final StaffAuditLog audit;
    private final Clock clock;
    private final TransactionalOperator tx;

    FollowUpService(FollowUpRepository tasks, StoreScope scope, StaffAuditLog audit, Clock clock,
                           TransactionalOperator tx) {
        this.tasks = tasks;
        this.scope = scope;
        this.audit = audit;
        this.clock = clock;
        this.tx = tx;
    }

    public Mono<Pages.Page<FollowUpTask>> list(Viewer staff, Long storeId, FollowUpTask.Status status, Integer first,
                                               String after) {
        int size = Pages.size(first);
        Long afterId = Pages.after(after, CURSOR_KIND);
        // an admin naming no store reads the whole brand's call list; anyone else one store's
        Mono<Optional<Long>> store = staff.role() == Role.ADMIN && storeId == null ? Mono.just(Optional.empty())
                : scope.storeFor(staff, storeId).map(Optional::of);
        return store.flatMap(s -> tasks.list(staff.brandId(), s.orElse(null), status, afterId, size + 1).collectList()
                .zipWith(tasks.count(staff.brandId(), s.orElse(null), status),
                        (rows, total) -> Pages.of(rows, size, FollowUpTask::id, CURSOR_KIND, after != null, total)));
    }

    /** The task if the staff member may see it: their store's (an admin any of the brand); empty otherwise. */
    public Mono<FollowUpTask> find(Viewer staff, long id) {
        return tasks.find(staff.brandId(), id)
                .filter(task -> staff.role() == Role.ADMIN || task.storeId() == (staff.storeId() == null ? -1 : staff.storeId()));
    }

    public Mono<FollowUpTask> update(Viewer staff, UpdateFollowUpTaskInput in) {
        if (in.note() != null && in.note().length() > MAX_NOTE) {
            return Mono.error(BusinessException.invalid("note", "备注最多 500 字"));
        }
        return tasks.find(staff.brandId(), in.taskId())
                .switchIfEmpty(Mono.error(() -> new BusinessException(UserError.onInput("taskId",
                        ErrorCode.FOLLOW_UP_NOT_FOUND, "回访任务不存在"))))
                .flatMap(task -> scope.storeFor(staff, task.storeId())
                        .then(tasks.update(task.id(), in.status(), in.note(), staff.id(), clock.instant()))
                        .flatMap(saved -> audit.record(staff, saved.storeId(), "FOLLOW_UP_" + in.status(),
                                saved.memberId(), in.note()).thenReturn(saved))
                        .as(tx::transactional));
    }
}
