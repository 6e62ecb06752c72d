package com.loyalty.store;

import com.loyalty.audit.AuditedChange;
import com.loyalty.audit.StaffAuditLog;
import com.loyalty.shared.graphql.BusinessException;
import com.loyalty.shared.graphql.ErrorCode;
import com.loyalty.shared.graphql.Pages;
import com.loyalty.shared.graphql.UserError;
import com.loyalty.shared.security.Viewer;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.regex.Pattern;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Opens, lists, changes, closes and reopens the brand's stores; every change is audited (subject STORE). */
@Service
public class StoreService {

    private static final int NAME_MAX = 64;
    private static final int ADDRESS_MAX = 200;
    private static final int REASON_MAX = 200;
    private static final int SEARCH_MAX = 64;
    /** Digits, spaces, '+', '-' and parentheses; 5 to 20 of them (a landline with extension, a mobile). */
    private static final Pattern PHONE = Pattern.compile("[0-9+\\-() ]{5,20}");
    /** What the audit trail calls a store. */
    static final String AUDIT_SUBJECT = "STORE";

    private final StoreRepository stores;
    private final StaffAuditLog audit;
    private final TransactionalOperator tx;
    private final Clock clock;
    private final OpenStores openStores;

    public StoreService(StoreRepository stores, StaffAuditLog audit, TransactionalOperator tx, Clock clock,
                        OpenStores openStores) {
        this.stores = stores;
        this.openStores = openStores;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
    }

    public Flux<Store> list(long brandId) {
        return stores.findAll(brandId);
    }

    /** The brand's stores matching the filter, in the order they were opened. */
    public Mono<Pages.Page<Store>> page(long brandId, StoreFilter filter, Integer first, String after) {
        StoreFilter f = filter == null ? StoreFilter.ALL : filter;
        String search = f.search() == null || f.search().isBlank() ? null : f.search().strip();
        if (search != null && search.length() > SEARCH_MAX) {
            return Mono.error(new BusinessException(ErrorCode.INVALID_INPUT, "搜索内容不能超过 64 个字符"));
        }
        StoreFilter checked = new StoreFilter(f.status(), search);
        int size = Pages.size(first);
        Long afterId = Pages.after(after, "store");
        return stores.page(brandId, checked, afterId, size + 1).collectList()
                .zipWith(stores.count(brandId, checked),
                        (rows, total) -> Pages.of(rows, size, Store::id, "store", after != null, total));
    }

    /** The stores with these ids, for naming the store behind other records (ids taken from the brand's own rows). */
    public Flux<Store> findByIds(Collection<Long> ids) {
        return stores.findByIds(ids);
    }

    public Mono<Store> create(long brandId, CreateStoreInput input) {
        String name = input.name() == null ? "" : input.name().strip();
        if (name.isEmpty() || name.length() > NAME_MAX) {
            return Mono.error(BusinessException.invalid("name", "门店名称需为 1 到 64 个字符"));
        }
        String address = input.address() == null || input.address().isBlank() ? null : input.address().strip();
        return stores.insertIfAbsent(brandId, name, address)
                .switchIfEmpty(Mono.error(() -> new BusinessException(UserError.onInput("name",
                        ErrorCode.STORE_NAME_TAKEN, "门店名称已存在"))));
    }

    /** Opens a store (admin), audited with its state after. */
    public Mono<Store> create(Viewer admin, CreateStoreInput input) {
        return create(admin.brandId(), input)
                .flatMap(created -> audit.recordChange(admin, created.id(), "CREATE_STORE",
                                AuditedChange.created(AUDIT_SUBJECT, created.id(), AuditedState.of(created)), created.name())
                        .thenReturn(created));
    }

    /**
     * Changes a store's name, address or phone (admin); a field left out stays, "" clears the
     * address or phone. STORE_NAME_TAKEN when another store of the brand has the name.
     */
    public Mono<Store> update(Viewer admin, UpdateStoreInput input) {
        String name = input.name() == null ? null : input.name().strip();
        if (name != null && (name.isEmpty() || name.length() > NAME_MAX)) {
            return Mono.error(BusinessException.invalid("name", "门店名称需为 1 到 64 个字符"));
        }
        if (input.address() != null && input.address().strip().length() > ADDRESS_MAX) {
            return Mono.error(BusinessException.invalid("address", "地址不能超过 200 个字符"));
        }
        String phone = input.phone() == null ? null : input.phone().strip();
        if (phone != null && !phone.isEmpty() && !PHONE.matcher(phone).matches()) {
            return Mono.error(BusinessException.invalid("phone", "电话需为 5 到 20 位数字，可含 + - ( ) 和空格"));
        }
        return lock(admin, input.storeId())
                .flatMap(before -> stores.update(admin.brandId(), before.id(),
                                name == null ? before.name() : name,
                                input.address() == null ? before.address() : blankToNull(input.address()),
                                phone == null ? before.phone() : blankToNull(phone))
                        .switchIfEmpty(Mono.error(this::nameTaken))
                        .flatMap(after -> audited(admin, "UPDATE_STORE", before, after, after.name())))
                .onErrorMap(DuplicateKeyException.class, e -> nameTaken())
                .as(tx::transactional);
    }

    /**
     * Closes a store (admin): its staff can no longer record purchases, refunds or recharges there
     * (STORE_CLOSED), staff are not moved into it, and its QR code registers members without it.
     * What was issued stays valid. Closing a closed store changes nothing.
     */
    public Mono<Store> close(Viewer admin, CloseStoreInput input) {
        String reason = input.reason() == null || input.reason().isBlank() ? null : input.reason().strip();
        if (reason != null && reason.length() > REASON_MAX) {
            return Mono.error(BusinessException.invalid("reason", "原因不能超过 200 个字符"));
        }
        Instant now = clock.instant();
        return lock(admin, input.storeId())
                .flatMap(before -> !before.open() ? Mono.just(before)
                        : stores.setStatus(before.id(), StoreStatus.CLOSED, now, reason)
                                .flatMap(after -> audited(admin, "CLOSE_STORE", before, after, reason)))
                .as(tx::transactional)
                .flatMap(store -> openStores.changed(store.id()).thenReturn(store));
    }

    /** Reopens a closed store (admin); reopening an open store changes nothing. */
    public Mono<Store> reopen(Viewer admin, ReopenStoreInput input) {
        return lock(admin, input.storeId())
                .flatMap(before -> before.open() ? Mono.just(before)
                        : stores.setStatus(before.id(), StoreStatus.OPEN, null, null)
                                .flatMap(after -> audited(admin, "REOPEN_STORE", before, after, null)))
                .as(tx::transactional)
                .flatMap(store -> openStores.changed(store.id()).thenReturn(store));
    }

    private Mono<Store> lock(Viewer admin, Long storeId) {
        return (storeId == null ? Mono.<Store>empty() : stores.lockById(admin.brandId(), storeId))
                .switchIfEmpty(Mono.error(() -> new BusinessException(UserError.onInput("storeId",
                        ErrorCode.STORE_NOT_FOUND, "门店不存在"))));
    }

    private Mono<Store> audited(Viewer admin, String action, Store before, Store after, String detail) {
        return audit.recordChange(admin, after.id(), action,
                        AuditedChange.changed(AUDIT_SUBJECT, after.id(), AuditedState.of(before), AuditedState.of(after)),
                        detail)
                .thenReturn(after);
    }

    /** A store as the audit trail shows it before and after a change. */
    record AuditedState(String name, String address, String phone, StoreStatus status, Instant closedAt,
                        String closeReason) {

        static AuditedState of(Store store) {
            return new AuditedState(store.name(), store.address(), store.phone(), store.status(), store.closedAt(),
                    store.closeReason());
        }
    }

    private BusinessException nameTaken() {
        return new BusinessException(UserError.onInput("name", ErrorCode.STORE_NAME_TAKEN, "门店名称已存在"));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** The brand's store with this id, or empty. */
    public Mono<Store> find(long brandId, long storeId) {
        return stores.findById(brandId, storeId);
    }

    /** The brand's store, or STORE_NOT_FOUND on the given input field. */
    public Mono<Store> require(long brandId, long storeId, String inputField) {
        return stores.findById(brandId, storeId)
                .switchIfEmpty(Mono.error(() -> new BusinessException(UserError.onInput(inputField,
                        ErrorCode.STORE_NOT_FOUND, "门店不存在"))));
    }

    /** The brand's open store: STORE_NOT_FOUND or STORE_CLOSED on the given input field otherwise. */
    public Mono<Store> requireOpen(long brandId, long storeId, String inputField) {
        return require(brandId, storeId, inputField).flatMap(store -> store.open() ? Mono.just(store)
                : Mono.error(new BusinessException(UserError.onInput(inputField, ErrorCode.STORE_CLOSED,
                        "门店已关闭"))));
    }

    /**
     * Completes when the store is open; STORE_CLOSED otherwise (also for no such store: nothing to
     * record at). Asked on every till action, so answered from memory ({@link OpenStores}).
     */
    Mono<Long> requireOpen(long storeId) {
        return openStores.isOpen(storeId).flatMap(open -> open ? Mono.just(storeId)
                : Mono.error(new BusinessException(ErrorCode.STORE_CLOSED, "门店已关闭，不能在此登记")));
    }
}
