package com.loyalty.staff;

import com.loyalty.audit.AuditedChange;
import com.loyalty.audit.StaffAuditLog;
import com.loyalty.shared.graphql.BusinessException;
import com.loyalty.shared.graphql.ErrorCode;
import com.loyalty.shared.graphql.UserError;
import com.loyalty.shared.security.Viewer;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** Checks staff credentials and changes a staff member's own password; password hashing runs off the event loop. */
@Service
public class StaffService {

    private final StaffRepository staff;
    private final PasswordEncoder passwordEncoder;
    private final StaffLockoutProperties lockout;
    private final StaffLoginFailureRepository failures;
    private final Clock clock;
    /** Compared against when the username is unknown, so both cases take the same time. */
    private final String decoyHash;

    private final StaffAuditLog audit;
    private final TransactionalOperator tx;

    public StaffService(StaffRepository staff, PasswordEncoder passwordEncoder, StaffLockoutProperties lockout,
                        StaffLoginFailureRepository failures, Clock clock, StaffAuditLog audit,
                        TransactionalOperator tx) {
        this.audit = audit;
        this.tx = tx;
        this.failures = failures;
        this.lockout = lockout;
        this.clock = clock;
        this.staff = staff;
        this.passwordEncoder = passwordEncoder;
        this.decoyHash = passwordEncoder.encode("decoy-password-for-unknown-users");
    }

    /**
     * The enabled account with these credentials; BAD_CREDENTIALS, ACCOUNT_DISABLED or, after
     * too many wrong passwords in a row from one client address, ACCOUNT_LOCKED for that username
     * at that address (even with the right password). An unknown username answers exactly like a
     * known one with a wrong password, locking included, after the same password check.
     */
    public Mono<Staff> authenticate(String username, String password, String clientAddress) {
        String typed = username == null ? "" : username.strip();
        String key = typed.toLowerCase();
        String address = clientAddress == null ? "unknown" : clientAddress;
        return staff.findByUsername(typed)
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty())
                .flatMap(found -> matches(password, found.map(Staff::passwordHash).orElse(decoyHash))
                        .flatMap(ok -> check(found, ok && found.isPresent(), key, address)));
    }

    private Mono<Staff> check(Optional<Staff> found, boolean passwordMatches, String username, String address) {
        Instant now = clock.instant();
        return failures.lockedUntil(username, address, now)
                .flatMap(until -> Mono.<Staff>error(locked()))
                .switchIfEmpty(Mono.defer(() -> {
                    if (!passwordMatches) {
                        return failures.record(username, address, lockout.maxFailures(), now, now.plus(lockout.duration()))
                                .flatMap(lockedUntil -> Mono.error(lockedUntil.filter(now::isBefore).isPresent()
                                        ? locked() : badCredentials()));
                    }
                    Staff account = found.orElseThrow();
                    if (!account.enabled()) {
                        return Mono.error(new BusinessException(ErrorCode.ACCOUNT_DISABLED, "账号已停用"));
                    }
                    return failures.clear(username, address).thenReturn(account);
                }));
    }

    private static BusinessException badCredentials() {
        return new BusinessException(ErrorCode.BAD_CREDENTIALS, "用户名或密码错误");
    }

    private BusinessException locked() {
        return new BusinessException(ErrorCode.ACCOUNT_LOCKED,
                "密码错误次数过多，账号已锁定 " + lockout.duration().toMinutes() + " 分钟，请稍后再试或联系管理员");
    }

    public Mono<Staff> get(long staffId) {
        return staff.findById(staffId);
    }

    /**
     * The accounts of the brand with these ids, by id, in one query (for batch loading who a list
     * of records names); an id of no account of the brand is left out.
     */
    public Mono<Map<Long, StaffRef>> refs(long brandId, Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Mono.just(Map.of());
        }
        return staff.findByIds(ids).filter(s -> s.brandId() == brandId)
                .collectMap(Staff::id, s -> new StaffRef(s.id(), s.username(), s.displayName()));
    }

    /**
     * Changes the signed-in staff member's own password: BAD_CREDENTIALS on {@code currentPassword}
     * when it is wrong; the new one has 8 to 128 characters and differs from the current one. It
     * clears a reset's must-change mark. Audited (CHANGE_MY_PASSWORD, never the password). Ending
     * the account's other sign-ins is the caller's (auth) business.
     */
    public Mono<Staff> changeOwnPassword(Viewer viewer, ChangeMyPasswordInput input) {
        String next = input.newPassword() == null ? "" : input.newPassword();
        if (next.length() < StaffAdminService.PASSWORD_MIN || next.length() > StaffAdminService.PASSWORD_MAX) {
            return Mono.error(BusinessException.invalid("newPassword", "新密码需为 8 到 128 位"));
        }
        if (next.equals(input.currentPassword())) {
            return Mono.error(BusinessException.invalid("newPassword", "新密码不能与当前密码相同"));
        }
        return staff.lockInBrand(viewer.brandId(), viewer.id())
                .switchIfEmpty(Mono.error(() -> new BusinessException(ErrorCode.STAFF_NOT_FOUND, "员工不存在")))
                .flatMap(before -> matches(input.currentPassword(), before.passwordHash())
                        .flatMap(ok -> ok ? hash(next) : Mono.error(new BusinessException(UserError.onInput(
                                "currentPassword", ErrorCode.BAD_CREDENTIALS, "当前密码不正确"))))
                        .flatMap(hash -> staff.setPassword(before.id(), hash, false))
                        .flatMap(after -> audit.recordChange(viewer, after.storeId(), "CHANGE_MY_PASSWORD",
                                        AuditedChange.changed(StaffAdminService.AUDIT_SUBJECT, after.id(),
                                                StaffAdminService.AuditedState.of(before),
                                                StaffAdminService.AuditedState.of(after)),
                                        after.username())
                                .thenReturn(after)))
                .as(tx::transactional);
    }

    /** Hashes a new password off the event loop. */
    public Mono<String> hash(String password) {
        return Mono.fromCallable(() -> passwordEncoder.encode(password)).subscribeOn(Schedulers.boundedElastic());
    }

    private Mono<Boolean> matches(String password, String hash) {
        return Mono.fromCallable(() -> passwordEncoder.matches(password == null ? "" : password, hash))
                .subscribeOn(Schedulers.boundedElastic());
    }
}
