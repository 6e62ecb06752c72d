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
import com.loyalty.store.Store;
import com.loyalty.store.StoreService;
import java.security.SecureRandom;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * The management of staff accounts: an admin over the brand, a store manager over the clerks of
 * their own store (create, disable, reset a password). Every change is audited (subject STAFF,
 * never a password or its hash), and a change to what a token says (role, store) or to the password
 * ends the account's sign-ins.
 */
@Service
class StaffAdminService {

    static final int PASSWORD_MIN = 8;
    static final int PASSWORD_MAX = 128;
    private static final int DISPLAY_NAME_MAX = 64;
    private static final int SEARCH_MAX = 64;
    /** Letters and digits that cannot be mistaken for each other when read out or copied by hand. */
    private static final String TEMPORARY_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";
    private static final int TEMPORARY_LENGTH = 12;
    /** What the audit trail calls a staff account. */
    static final String AUDIT_SUBJECT = "STAFF";

    private final StaffRepository staff;
    private final StaffService staffService;
    private final StoreService stores;
    private final StaffAuditLog audit;
    private final Sessions sessions;
    private final com.loyalty.client.ApiClients clients;
    private final TransactionalOperator tx;
    private final SecureRandom random = new SecureRandom();

    StaffAdminService(StaffRepository staff, StaffService staffService, StoreService stores,
                             StaffAuditLog audit, Sessions sessions, com.loyalty.client.ApiClients clients,
                             TransactionalOperator tx) {
        this.tx = tx;
        this.clients = clients;
        this.staff = staff;
        this.staffService = staffService;
        this.stores = stores;
        this.audit = audit;
        this.sessions = sessions;
    }

    /**
     * Creates an account: an admin a clerk or store manager at any open store of the brand, or a
     * marketer; a store manager only a clerk at their own store ({@code storeId} left out or theirs).
     */
    public Mono<Staff> create(Viewer viewer, CreateStaffInput input) {
        String username = input.username() == null ? "" : input.username().strip();
        if (!username.matches("[A-Za-z0-9_-]{3,32}")) {
            return invalid("username", "用户名需为 3 到 32 位字母、数字、- 或 _");
        }
        if (input.password() == null || input.password().length() < PASSWORD_MIN
                || input.password().length() > PASSWORD_MAX) {
            return invalid("password", "密码需为 8 到 128 位");
        }
        if (input.displayName() != null && input.displayName().strip().length() > DISPLAY_NAME_MAX) {
            return invalid("displayName", "姓名不能超过 64 个字符");
        }
        Long storeId = input.storeId();
        if (viewer.role() == Role.STORE_MANAGER) {
            if (input.role() != Role.CLERK) {
                return invalid("role", "店长只能创建本店店员");
            }
            if (storeId != null && !storeId.equals(viewer.storeId())) {
                return Mono.error(new AccessDeniedException("a store manager creates clerks at their own store only"));
            }
            storeId = viewer.storeId();
        }
        if (input.role() != Role.CLERK && input.role() != Role.STORE_MANAGER && input.role() != Role.MARKETER) {
            return invalid("role", "只能创建店员、店长或市场人员");
        }
        if (input.role() == Role.MARKETER && storeId != null) {
            return invalid("storeId", "市场人员负责全品牌，不属于门店");
        }
        if (input.role() != Role.MARKETER && storeId == null) {
            return invalid("storeId", "店员和店长需指定门店");
        }
        Long store = storeId;
        Mono<?> storeCheck = input.role() == Role.MARKETER ? Mono.just(true)
                : stores.requireOpen(viewer.brandId(), store, "storeId");
        return storeCheck
                .flatMap(ok -> staffService.hash(input.password()))
                .flatMap(hash -> staff.insertIfAbsent(viewer.brandId(), store, username, hash,
                        blankToNull(input.displayName()), input.role()))
                .switchIfEmpty(Mono.error(() -> new BusinessException(UserError.onInput("username",
                        ErrorCode.USERNAME_TAKEN, "用户名已被使用"))))
                .flatMap(created -> audit.record(viewer, created.storeId(), "CREATE_STAFF", null,
                        created.username() + " " + created.role()).thenReturn(created));
    }

    /**
     * Disabling an account also ends every sign-in of it: its tokens stop working on their next
     * request. Both or neither: without Redis nothing changes and the admin is asked to retry. An
     * admin may disable anyone of the brand but themself; a store manager only a clerk of their store.
     */
    public Mono<Staff> setEnabled(Viewer viewer, SetStaffEnabledInput input) {
        if (!input.enabled() && input.staffId() != null && input.staffId() == viewer.id()) {
            return invalid("staffId", "不能停用自己的账号");
        }
        return manageable(viewer, input.staffId())
                .flatMap(before -> staff.setEnabled(viewer.brandId(), before.id(), input.enabled()))
                .flatMap(changed -> audit.recordChange(viewer, changed.storeId(),
                                input.enabled() ? "ENABLE_STAFF" : "DISABLE_STAFF",
                                AuditedChange.changed(AUDIT_SUBJECT, changed.id(),
                                        AuditedState.of(changed, !input.enabled()), AuditedState.of(changed, input.enabled())),
                                changed.username())
                        .then(input.enabled() ? Mono.<Long>empty() : sessions.endAll(changed.viewer().subject()))
                        .thenReturn(changed))
                .as(tx::transactional);
    }

    /**
     * Sets a random temporary password, returned once and stored only hashed; the account must
     * change it at its next sign-in, and every sign-in it had ends. An admin resets anyone of the
     * brand but themself (they use changeMyPassword); a store manager a clerk of their own store.
     */
    public Mono<ResetStaffPasswordPayload.Reset> resetPassword(Viewer viewer, ResetStaffPasswordInput input) {
        if (input.staffId() != null && input.staffId() == viewer.id()) {
            return invalid("staffId", "请用修改密码更改自己的密码");
        }
        String temporary = temporaryPassword();
        return manageable(viewer, input.staffId())
                .zipWith(staffService.hash(temporary), PasswordReset::new)
                .flatMap(reset -> staff.setPassword(reset.account().id(), reset.hash(), true)
                        .flatMap(after -> audit.recordChange(viewer, after.storeId(), "RESET_STAFF_PASSWORD",
                                        AuditedChange.changed(AUDIT_SUBJECT, after.id(), AuditedState.of(reset.account()),
                                                AuditedState.of(after)),
                                        after.username())
                                .then(sessions.endAll(after.viewer().subject()))
                                .thenReturn(new ResetStaffPasswordPayload.Reset(after, temporary))))
                .as(tx::transactional);
    }

    /** The account whose password is reset and the hash of its temporary password. */
    private record PasswordReset(Staff account, String hash) {
    }

    /**
     * Moves a clerk or store manager to another open store of the brand (admin); their sign-ins
     * end, since their tokens name the old store. Moving to the store they are at changes nothing.
     */
    public Mono<Staff> move(Viewer admin, MoveStaffInput input) {
        if (input.storeId() == null) {
            return invalid("storeId", "请指定门店");
        }
        return lock(admin, input.staffId())
                .flatMap(before -> {
                    if (before.role() != Role.CLERK && before.role() != Role.STORE_MANAGER) {
                        return invalid("staffId", "只能调动店员或店长");
                    }
                    if (input.storeId().equals(before.storeId())) {
                        return Mono.just(before);
                    }
                    return stores.requireOpen(admin.brandId(), input.storeId(), "storeId")
                            .flatMap(store -> staff.update(before.id(), before.displayName(), before.role(), store.id()))
                            .flatMap(after -> changed(admin, "MOVE_STAFF", before, after, true));
                })
                .as(tx::transactional);
    }

    /**
     * Changes an account's display name and role (admin). Roles change between clerk and store
     * manager at the same store; a marketer has no store (it is dropped on becoming one, and a
     * marketer becoming a clerk or store manager names an open store). No one becomes or stops
     * being an admin here. A change of role ends the account's sign-ins.
     */
    public Mono<Staff> update(Viewer admin, UpdateStaffInput input) {
        if (input.displayName() != null && input.displayName().strip().length() > DISPLAY_NAME_MAX) {
            return invalid("displayName", "姓名不能超过 64 个字符");
        }
        if (input.role() == Role.ADMIN || input.role() == Role.MEMBER) {
            return invalid("role", "只能改为店员、店长或市场人员");
        }
        return lock(admin, input.staffId())
                .flatMap(before -> {
                    Role role = input.role() == null ? before.role() : input.role();
                    if (before.role() == Role.ADMIN && role != Role.ADMIN) {
                        return invalid("role", "不能更改管理员的角色");
                    }
                    Mono<Long> store;
                    if (role == Role.MARKETER || role == Role.ADMIN) {
                        if (input.storeId() != null) {
                            return invalid("storeId", "市场人员负责全品牌，不属于门店");
                        }
                        store = Mono.empty();
                    } else if (before.storeId() != null) {
                        if (input.storeId() != null && !input.storeId().equals(before.storeId())) {
                            return invalid("storeId", "调动门店请用 moveStaff");
                        }
                        store = Mono.just(before.storeId());
                    } else if (input.storeId() == null) {
                        return invalid("storeId", "店员和店长需指定门店");
                    } else {
                        store = stores.requireOpen(admin.brandId(), input.storeId(), "storeId").map(Store::id);
                    }
                    String displayName = input.displayName() == null ? before.displayName()
                            : blankToNull(input.displayName());
                    return store.map(Optional::of).defaultIfEmpty(Optional.empty())
                            .flatMap(s -> staff.update(before.id(), displayName, role, s.orElse(null)))
                            .flatMap(after -> changed(admin, "UPDATE_STAFF", before, after,
                                    after.role() != before.role() || !Objects.equals(after.storeId(), before.storeId())));
                })
                .as(tx::transactional);
    }

    /** Audits a change with the account before and after, and ends its sign-ins when {@code endSessions}. */
    private Mono<Staff> changed(Viewer viewer, String action, Staff before, Staff after, boolean endSessions) {
        return audit.recordChange(viewer, after.storeId() != null ? after.storeId() : before.storeId(), action,
                        AuditedChange.changed(AUDIT_SUBJECT, after.id(), AuditedState.of(before), AuditedState.of(after)),
                        after.username())
                .then(endSessions ? sessions.endAll(after.viewer().subject()) : Mono.<Long>empty())
                .thenReturn(after);
    }

    /** The brand's staff the viewer may see: an admin all, a store manager their own store's. */
    public Mono<Pages.Page<Staff>> accounts(Viewer viewer, StaffFilter filter, Integer first, String after) {
        StaffFilter f = filter == null ? StaffFilter.ALL : filter;
        String search = f.search() == null || f.search().isBlank() ? null : f.search().strip();
        if (search != null && search.length() > SEARCH_MAX) {
            return Mono.error(new BusinessException(ErrorCode.INVALID_INPUT, "搜索内容不能超过 64 个字符"));
        }
        f = f.searching(search);
        if (viewer.role() != Role.ADMIN) {
            if (f.storeId() != null && !f.storeId().equals(viewer.storeId())) {
                return Mono.error(new AccessDeniedException("a store manager sees their own store's staff only"));
            }
            f = f.atStore(viewer.storeId());
        }
        StaffFilter scoped = f;
        int size = Pages.size(first);
        Long before = Pages.after(after, "staff");
        return staff.page(viewer.brandId(), scoped, before, size + 1).collectList()
                .zipWith(staff.count(viewer.brandId(), scoped),
                        (rows, total) -> Pages.of(rows, size, Staff::id, "staff", after != null, total));
    }

    /** One account the viewer may see (see {@link #accounts}); empty otherwise. */
    public Mono<Staff> account(Viewer viewer, long id) {
        return staff.findInBrand(viewer.brandId(), id)
                .filter(found -> viewer.role() == Role.ADMIN || Objects.equals(found.storeId(), viewer.storeId()));
    }

    /**
     * The account, locked, when the viewer may manage it: an admin anyone of the brand, a store
     * manager a clerk of their own store. STAFF_NOT_FOUND for anyone out of sight (another brand,
     * another store); FORBIDDEN for a store manager on a non-clerk of their own store.
     */
    private Mono<Staff> manageable(Viewer viewer, Long staffId) {
        return lock(viewer, staffId)
                .filter(found -> viewer.role() == Role.ADMIN || Objects.equals(found.storeId(), viewer.storeId()))
                .switchIfEmpty(Mono.error(StaffAdminService::notFound))
                .flatMap(found -> viewer.role() == Role.ADMIN || found.role() == Role.CLERK ? Mono.just(found)
                        : Mono.error(new AccessDeniedException("a store manager manages the clerks of their store only")));
    }

    private Mono<Staff> lock(Viewer viewer, Long staffId) {
        return (staffId == null ? Mono.<Staff>empty() : staff.lockInBrand(viewer.brandId(), staffId))
                .switchIfEmpty(Mono.error(StaffAdminService::notFound));
    }

    private static BusinessException notFound() {
        return new BusinessException(UserError.onInput("staffId", ErrorCode.STAFF_NOT_FOUND, "员工不存在"));
    }

    private String temporaryPassword() {
        StringBuilder password = new StringBuilder(TEMPORARY_LENGTH);
        for (int i = 0; i < TEMPORARY_LENGTH; i++) {
            password.append(TEMPORARY_ALPHABET.charAt(random.nextInt(TEMPORARY_ALPHABET.length())));
        }
        return password.toString();
    }

    /** A staff account as the audit trail shows it before and after a change (never its password). */
    record AuditedState(String username, String displayName, Role role, Long storeId, boolean enabled,
                        boolean mustChangePassword) {

        static AuditedState of(Staff staff) {
            return of(staff, staff.enabled());
        }

        static AuditedState of(Staff staff, boolean enabled) {
            return new AuditedState(staff.username(), staff.displayName(), staff.role(), staff.storeId(), enabled,
                    staff.mustChangePassword());
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
                .flatMap(entries -> named(admin.brandId(), entries))
                .zipWith(audit.count(admin.brandId(), filter),
                        (actions, total) -> Pages.of(actions, size, StaffAction::id, "staff-action", after != null, total));
    }

    /** The audit entries with the username of the staff member or the name of the machine client who acted. */
    private Mono<List<StaffAction>> named(long brandId, List<AuditEntry> entries) {
        List<Long> staffIds = entries.stream().map(AuditEntry::staffId).filter(java.util.Objects::nonNull).distinct()
                .toList();
        List<Long> clientIds = entries.stream().map(AuditEntry::clientId).filter(java.util.Objects::nonNull).distinct()
                .toList();
        Mono<java.util.Map<Long, String>> clientNames = clientIds.isEmpty() ? Mono.just(java.util.Map.of())
                : clients.findByIds(brandId, clientIds).collectMap(com.loyalty.client.ApiClient::id,
                        com.loyalty.client.ApiClient::name);
        return (staffIds.isEmpty() ? Mono.just(java.util.Map.<Long, String>of())
                        : staff.findByIds(staffIds).collectMap(Staff::id, Staff::username))
                .zipWith(clientNames)
                .map(names -> entries.stream().map(e -> new StaffAction(e.id(), e.at(), e.staffId(),
                        e.staffId() == null ? null : names.getT1().get(e.staffId()), e.clientId(),
                        e.clientId() == null ? null : names.getT2().get(e.clientId()), e.bySystem(), e.storeId(), e.action(), e.memberId(), e.detail(), e.subjectType(),
                        e.subjectId(), e.before(), e.after())).toList());
    }
}
