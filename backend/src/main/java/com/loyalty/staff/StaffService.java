package com.loyalty.staff;

import com.loyalty.shared.graphql.BusinessException;
import com.loyalty.shared.graphql.ErrorCode;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** Checks staff credentials; password hashing runs off the event loop. */
@Service
public class StaffService {

    private final StaffRepository staff;
    private final PasswordEncoder passwordEncoder;
    /** Compared against when the username is unknown, so both cases take the same time. */
    private final String decoyHash;

    public StaffService(StaffRepository staff, PasswordEncoder passwordEncoder) {
        this.staff = staff;
        this.passwordEncoder = passwordEncoder;
        this.decoyHash = passwordEncoder.encode("decoy-password-for-unknown-users");
    }

    /** The enabled account with these credentials; BAD_CREDENTIALS or ACCOUNT_DISABLED otherwise. */
    public Mono<Staff> authenticate(String username, String password) {
        return staff.findByUsername(username == null ? "" : username.strip())
                .map(java.util.Optional::of)
                .defaultIfEmpty(java.util.Optional.empty())
                .flatMap(found -> matches(password, found.map(Staff::passwordHash).orElse(decoyHash))
                        .flatMap(ok -> {
                            if (!ok || found.isEmpty()) {
                                return Mono.error(new BusinessException(ErrorCode.BAD_CREDENTIALS, "用户名或密码错误"));
                            }
                            if (!found.get().enabled()) {
                                return Mono.error(new BusinessException(ErrorCode.ACCOUNT_DISABLED, "账号已停用"));
                            }
                            return Mono.just(found.get());
                        }));
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
