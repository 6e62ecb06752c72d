package com.loyalty.staff;

import com.loyalty.audit.AuditEntry;
import com.loyalty.audit.AuditFilter;
import com.loyalty.audit.AuditedChange;
import com.loyalty.audit.StaffAuditLog;
import com.loyalty.shared.graphql.BusinessException;
import com.loyalty.shared.graphql.ErrorCode;
import com.loyalty.shared.graphql.Pages;
import com.loyalty.shared.graphql.UserError;
import com.loyalty.shared.security.Role;
import com.loyalty.shared.security.Sessions;
import com.loyalty.shared.security.Viewer;
import com.loyalty.store.StoreService;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/** An admin's management of staff accounts; every change is audited. */
@Service
class StaffAdminService {

    private static final int PASSWORD_MIN = 8;
    /** What the audit trail calls a staff account. */
    static final String AUDIT_SUBJECT = "STAFF";

    private final StaffRepository staff;
    private final StaffService staffService;
    private final StoreService stores;
    private final StaffAuditLog audit;
    private final Sessions sessions;
    private final TransactionalOperator tx;

    StaffAdminService(StaffRepository staff, StaffService staffService, StoreService stores,
                             StaffAuditLog audit, Sessions sessions, TransactionalOperator tx) {
        this.tx = tx;
        this.staff = staff;
        this.staffService = staffService;
        this.stores = stores;
        this.audit = audit;
        this.sessions = sessions;
    }

    public Mono<Staff> create(Viewer admin, CreateStaffInput input) {
        String username = input.username() == null ? "" : input.username().strip();
        if (!username.matches("[A-Za-z0-9_-]{3,32}")) {
            return invalid("username", "用户名需为 3 到 32 位字母、数字、- 或 _");
        }
        if (input.password() == null || input.password().length() < PASSWORD_MIN) {
            return invalid("password", "密码至少 8 位");
        }
        if (input.role() != Role.CLERK && input.role() != Role.STORE_MANAGER && input.role() != Role.MARKETER) {
            return invalid("role", "只能创建店员、店长或市场人员");
        }
        if (input.role() == Role.MARKETER && input.storeId() != null) {
            return invalid("storeId", "市场人员负责全品牌，不属于门店");
        }
        if (input.role() != Role.MARKETER && input.storeId() == null) {
            return invalid("storeId", "店员和店长需指定门店");
        }
        Mono<?> store = input.role() == Role.MARKETER ? Mono.just(true)
                : stores.require(admin.brandId(), input.storeId(), "storeId");
        return store
                .flatMap(ok -> staffService.hash(input.password()))
                .flatMap(hash -> staff.insertIfAbsent(admin.brandId(), input.storeId(), username, hash,
                        blankToNull(input.displayName()), input.role()))
                .switchIfEmpty(Mono.error(() -> new BusinessException(UserError.onInput("username",
                        ErrorCode.USERNAME_TAKEN, "用户名已被使用"))))
                .flatMap(created -> audit.record(admin, created.storeId(), "CREATE_STAFF", null,
                        created.username() + " " + created.role()).thenReturn(created));
    }

    /**
     * Disabling an account also ends every sign-in of it: its tokens stop working on their next
     * request. Both or neither: without Redis nothing changes and the admin is asked to retry.
     */
    public Mono<Staff> setEnabled(Viewer admin, SetStaffEnabledInput input) {
        if (!input.enabled() && input.staffId() == admin.id()) {
            return invalid("staffId", "不能停用自己的账号");
        }
        return staff.setEnabled(admin.brandId(), input.staffId(), input.enabled())
                .switchIfEmpty(Mono.error(() -> new BusinessException(UserError.onInput("staffId",
                        ErrorCode.STAFF_NOT_FOUND, "员工不存在"))))
                .flatMap(changed -> audit.recordChange(admin, changed.storeId(),
                                input.enabled() ? "ENABLE_STAFF" : "DISABLE_STAFF",
                                AuditedChange.changed(AUDIT_SUBJECT, changed.id(),
                                        AuditedState.of(changed, !input.enabled()), AuditedState.of(changed, input.enabled())),
                                changed.username())
                        .then(input.enabled() ? Mono.<Long>empty() : sessions.endAll(changed.viewer().subject()))
                        .thenReturn(changed))
                .as(tx::transactional);
    }

    /** A staff account as the audit trail shows it before and after a change (never its password). */
    record AuditedState(String username, Role role, Long storeId, boolean enabled) {

        static AuditedState of(Staff staff, boolean enabled) {
            return new AuditedState(staff.username(), staff.role(), staff.storeId(), enabled);
        }
    }

    private static <T> Mono<T> invalid(String field, String message) {
        return Mono.error(BusinessException.invalid(field, message));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** The brand's audit trail, newest first, narrowed by staff member, member or action. */
    public Mono<Pages.Page<StaffAction>> actions(Viewer admin, AuditFilter filter, Integer first, String after) {
        int size = Pages.size(first);
        Long before = Pages.after(after, "staff-action");
        return audit.page(admin.brandId(), filter, before, size + 1).collectList()
                .flatMap(this::named)
                .zipWith(audit.count(admin.brandId(), filter),
                        (actions, total) -> Pages.of(actions, size, StaffAction::id, "staff-action", after != null, total));
    }

    /** The audit entries with the username of the staff member who acted. */
    private Mono<List<StaffAction>> named(List<AuditEntry> entries) {
        return staff.findByIds(entries.stream().map(AuditEntry::staffId).distinct().toList())
                .collectMap(Staff::id, Staff::username)
                .map(usernames -> entries.stream().map(e -> new StaffAction(e.id(), e.at(), e.staffId(),
                        usernames.get(e.staffId()), e.storeId(), e.action(), e.memberId(), e.detail(), e.subjectType(),
                        e.subjectId(), e.before(), e.after())).toList());
    }
}
