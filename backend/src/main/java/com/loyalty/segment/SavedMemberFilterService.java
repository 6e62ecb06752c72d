package com.loyalty.segment;

import com.loyalty.audit.AuditedChange;
import com.loyalty.audit.StaffAuditLog;
import com.loyalty.shared.graphql.BusinessException;
import com.loyalty.shared.graphql.Pages;
import com.loyalty.shared.graphql.SearchText;
import com.loyalty.shared.security.Viewer;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Saved member filters: a marketer names a {@link MemberFilter} once and reuses it in the member
 * list and campaign audiences. Every change is audited (subject SAVED_MEMBER_FILTER). A campaign
 * copies a saved filter's {@link #definition} when it is created or updated: editing or deleting
 * the saved filter later never changes a campaign already built on it.
 */
@Service
public class SavedMemberFilterService {

    /** The audit trail's name for a saved filter. */
    public static final String SUBJECT = "SAVED_MEMBER_FILTER";
    /** A name's most characters. */
    static final int MAX_NAME = 32;
    private static final String CURSOR_KIND = "savedMemberFilter";

    private final SavedMemberFilterRepository saved;
    private final SegmentQueries queries;
    private final StaffAuditLog audit;
    private final Clock clock;
    private final TransactionalOperator tx;

    SavedMemberFilterService(SavedMemberFilterRepository saved, SegmentQueries queries, StaffAuditLog audit,
                             Clock clock, TransactionalOperator tx) {
        this.saved = saved;
        this.queries = queries;
        this.audit = audit;
        this.clock = clock;
        this.tx = tx;
    }

    /** Saves a new filter under a name unique in the brand. */
    public Mono<SavedMemberFilter> create(Viewer staff, SaveMemberFilterInput in) {
        return Mono.fromCallable(() -> new SaveMemberFilterInput(name(in.name()), filter(in.filter())))
                .flatMap(checked -> saved.insert(staff.brandId(), checked.name(), checked.filter(), staff.id(),
                                clock.instant())
                        .switchIfEmpty(Mono.error(SavedMemberFilterService::nameTaken))
                        .flatMap(after -> audit.recordChange(staff, null, "CREATE_SAVED_MEMBER_FILTER",
                                AuditedChange.created(SUBJECT, after.id(), after), after.name()).thenReturn(after))
                        .as(tx::transactional));
    }

    /** Renames and/or redefines a saved filter (a field left out keeps its value); campaigns built on it keep their copy. */
    public Mono<SavedMemberFilter> update(Viewer staff, UpdateSavedMemberFilterInput in) {
        return Mono.fromCallable(() -> new UpdateSavedMemberFilterInput(in.id(), in.name() == null ? null : name(in.name()),
                        in.filter() == null ? null : filter(in.filter())))
                .flatMap(checked -> require(staff.brandId(), checked.id())
                        .flatMap(before -> saved.update(staff.brandId(), before.id(),
                                        checked.name() == null ? before.name() : checked.name(),
                                        checked.filter() == null ? before.filter() : checked.filter(), clock.instant())
                                .flatMap(after -> audit.recordChange(staff, null, "UPDATE_SAVED_MEMBER_FILTER",
                                        AuditedChange.changed(SUBJECT, after.id(), before, after), after.name())
                                        .thenReturn(after)))
                        .onErrorMap(DuplicateKeyException.class, e -> nameTaken())
                        .as(tx::transactional));
    }

    /** Deletes a saved filter; campaigns built on it keep their copy. The audit trail keeps its definition. */
    public Mono<Long> delete(Viewer staff, DeleteSavedMemberFilterInput in) {
        return require(staff.brandId(), in.id())
                .flatMap(before -> saved.delete(staff.brandId(), before.id())
                        .then(audit.recordChange(staff, null, "DELETE_SAVED_MEMBER_FILTER",
                                AuditedChange.changed(SUBJECT, before.id(), before, null), before.name()))
                        .thenReturn(before.id()))
                .as(tx::transactional);
    }

    /** The brand's saved filter with this id, or empty. */
    public Mono<SavedMemberFilter> find(long brandId, long id) {
        return saved.find(brandId, id);
    }

    /**
     * The current definition of the brand's saved filter, or empty when the brand has none with
     * this id: what a campaign copies into its audience.
     */
    public Mono<MemberFilter> definition(long brandId, long id) {
        return saved.find(brandId, id).map(SavedMemberFilter::filter);
    }

    /** A page of the brand's saved filters, newest first, with {@code search} in the name if given. */
    public Mono<Pages.Page<SavedMemberFilter>> page(long brandId, String search, Integer first, String after) {
        String pattern = SearchText.pattern(search, "search");
        int size = Pages.size(first);
        return saved.page(brandId, pattern, Pages.after(after, CURSOR_KIND), size + 1).collectList()
                .zipWith(saved.count(brandId, pattern),
                        (rows, total) -> Pages.of(rows, size, SavedMemberFilter::id, CURSOR_KIND, after != null, total));
    }

    /**
     * How many members each saved filter gives the staff member in {@code members(filter:)}, by
     * saved filter id, counted in one statement; null for a filter they may not list (a store
     * manager's and a filter on another store).
     */
    public Mono<Map<Long, Long>> memberCounts(Viewer staff, List<SavedMemberFilter> filters) {
        return queries.counts(staff, filters.stream().map(SavedMemberFilter::filter).toList()).map(counts -> {
            Map<Long, Long> byId = new HashMap<>();
            for (int i = 0; i < filters.size(); i++) {
                byId.put(filters.get(i).id(), counts.get(i));
            }
            return byId;
        });
    }

    /** The brand's saved filter, or INVALID_INPUT on {@code id}. */
    private Mono<SavedMemberFilter> require(long brandId, Long id) {
        return (id == null ? Mono.<SavedMemberFilter>empty() : saved.find(brandId, id))
                .switchIfEmpty(Mono.error(() -> BusinessException.invalid("id", "筛选条件不存在")));
    }

    /** The name stripped, or INVALID_INPUT on {@code name}. */
    private static String name(String name) {
        String stripped = name == null ? "" : name.strip();
        if (stripped.isEmpty() || stripped.length() > MAX_NAME) {
            throw BusinessException.invalid("name", "筛选条件名称需为 1 到 " + MAX_NAME + " 个字符");
        }
        return stripped;
    }

    /** The filter, checked as members(filter:) checks it, or INVALID_INPUT on {@code filter}. */
    private static MemberFilter filter(MemberFilter filter) {
        if (filter == null) {
            throw BusinessException.invalid("filter", "请设置筛选条件");
        }
        String problem = filter.problem();
        if (problem != null) {
            throw BusinessException.invalid("filter", problem);
        }
        return filter;
    }

    private static BusinessException nameTaken() {
        return BusinessException.invalid("name", "已有同名的筛选条件，请换一个名称");
    }
}
