package com.loyalty.staff;

import com.loyalty.shared.graphql.BusinessException;
import com.loyalty.shared.graphql.ErrorCode;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** Checks staff credentials; password hashing runs off the event loop. */
@Service
public class StaffService {

    private final StaffRepository staff;
    private final PasswordEncoder passwordEncoder;
    private final StaffLockoutProperties lockout;
    private final Clock clock;
    /** Compared against when the username is unknown, so both cases take the same time. */
    private final String decoyHash;

    public StaffService(StaffRepository staff, PasswordEncoder passwordEncoder, StaffLockoutProperties lockout,
                        Clock clock) {
        this.lockout = lockout;
        this.clock = clock;
        this.staff = staff;
        this.passwordEncoder = passwordEncoder;
        this.decoyHash = passwordEncoder.encode("decoy-password-for-unknown-users");
    }

    /**
     * The enabled account with these credentials; BAD_CREDENTIALS, ACCOUNT_DISABLED or, after
     * too many wrong passwords in a row, ACCOUNT_LOCKED (even with the right password) otherwise.
     */
    public Mono<Staff> authenticate(String username, String password) {
        return staff.findByUsername(username == null ? "" : username.strip())
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty())
                .flatMap(found -> matches(password, found.map(Staff::passwordHash).orElse(decoyHash))
                        .flatMap(ok -> found.isEmpty() ? Mono.error(badCredentials()) : check(found.get(), ok)));
    }

    private Mono<Staff> check(Staff account, boolean passwordMatches) {
        Instant now = clock.instant();
        if (account.lockedAt(now)) {
            return Mono.error(locked());
        }
        if (!passwordMatches) {
            return staff.recordFailedLogin(account.id(), lockout.maxFailures(), now.plus(lockout.duration()))
                    .flatMap(lockedUntil -> Mono.error(lockedUntil.filter(now::isBefore).isPresent()
                            ? locked() : badCredentials()));
        }
        if (!account.enabled()) {
            return Mono.error(new BusinessException(ErrorCode.ACCOUNT_DISABLED, "账号已停用"));
        }
        return staff.clearFailedLogins(account.id()).thenReturn(account);
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

    /** Hashes a new password off the event loop. */
    public Mono<String> hash(String password) {
        return Mono.fromCallable(() -> passwordEncoder.encode(password)).subscribeOn(Schedulers.boundedElastic());
    }

    private Mono<Boolean> matches(String password, String hash) {
        return Mono.fromCallable(() -> passwordEncoder.matches(password == null ? "" : password, hash))
                .subscribeOn(Schedulers.boundedElastic());
    }
}
