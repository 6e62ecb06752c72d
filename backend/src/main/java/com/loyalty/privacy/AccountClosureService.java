package com.loyalty.privacy;

import com.loyalty.auth.AccountClosurePending;
import com.loyalty.auth.LoginInput;
import com.loyalty.auth.SignInEvents;
import com.loyalty.member.Member;
import com.loyalty.shared.config.BrandProperties;
import com.loyalty.shared.graphql.BusinessException;
import com.loyalty.shared.security.Role;
import com.loyalty.shared.security.Sessions;
import com.loyalty.shared.security.Viewer;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Closing an account: the member confirms, every {@link AccountClosureCheck} must agree, all their
 * sign-ins end and a cooling-off period starts. During it a sign-in is refused unless the member
 * chooses to cancel the closure (LoginInput.cancelClosure); a silent sign-in never keeps the
 * account by accident. When it ends the
 * erasure job wipes their personal fields; orders, ledgers and coupons stay for the books.
 */
@Service
class AccountClosureService implements SignInEvents {

    private static final Logger log = LoggerFactory.getLogger(AccountClosureService.class);

    private final PrivacyRepository privacy;
    private final PrivacyProperties properties;
    private final ObjectProvider<AccountClosureCheck> checks;
    private final ObjectProvider<AccountErasure> erasures;
    private final Sessions sessions;
    private final Clock clock;
    private final BrandProperties brand;
    private final TransactionalOperator tx;

    AccountClosureService(PrivacyRepository privacy, PrivacyProperties properties,
                                 ObjectProvider<AccountClosureCheck> checks,
                                 ObjectProvider<AccountErasure> erasures, Sessions sessions,
                                 Clock clock, BrandProperties brand,
                                 TransactionalOperator tx) {
        this.brand = brand;
        this.privacy = privacy;
        this.properties = properties;
        this.checks = checks;
        this.erasures = erasures;
        this.sessions = sessions;
        this.clock = clock;
        this.tx = tx;
    }

    /**
     * Starts the cooling-off period and ends every sign-in of the member; when the account will be
     * erased. Both or neither: without Redis nothing changes and the member is asked to retry.
     */
    public Mono<Instant> requestClosure(long memberId, CloseAccountInput input) {
        if (input == null || !Boolean.TRUE.equals(input.confirm())) {
            return Mono.error(BusinessException.invalid("confirm", "请确认注销账号：注销后个人信息将被删除且无法恢复"));
        }
        Instant now = clock.instant();
        return checksPass(memberId)
                .then(privacy.requestClosure(memberId, now, now.plus(properties.coolingOff()))
                        .flatMap(closesAt -> sessions.endAll(subject(memberId)).thenReturn(closesAt))
                        .as(tx::transactional));
    }

    /**
     * During the cooling-off period only a sign-in that chooses to cancel the closure goes through
     * (and keeps the account); any other is refused with ACCOUNT_CLOSURE_PENDING and the erase date.
     */
    @Override
    public Mono<Void> memberSignedIn(Member member, LoginInput input) {
        if (input.cancelsClosure()) {
            return privacy.cancelClosure(member.id())
                    .doOnNext(cancelled -> {
                        if (cancelled) log.info("Member {} cancelled the closure of their account by signing in", member.id());
                    })
                    .then();
        }
        return privacy.pendingClosure(member.id())
                .flatMap(closesAt -> Mono.error(new AccountClosurePending(closesAt,
                        "账户将于" + LocalDate.ofInstant(closesAt, brand.zone()) + "注销。如要继续使用，请选择“撤销注销并登录”")));
    }

    /**
     * Erases every account whose cooling-off period has ended, then lets other features recompute
     * what they derive from many members (the leaderboards) without them. Accounts a check holds
     * back stay pending and are retried next run.
     */
    public Mono<String> eraseDue(LocalDate asOf) {
        Instant now = clock.instant();
        return privacy.closuresDue(now)
                .concatMap(id -> checksPass(id)
                        .then(privacy.erase(id, now).flatMap(erased -> eraseElsewhere(erased).thenReturn(erased))
                                .as(tx::transactional))
                        .flatMap(erased -> sessions.endAll(subject(erased)).thenReturn(true))
                        .defaultIfEmpty(false)
                        .onErrorResume(BusinessException.class, e -> {
                            log.info("Closure of member {} held back: {}", id, e.getMessage());
                            return Mono.just(false);
                        }))
                .collectList()
                .flatMap(results -> {
                    long erased = results.stream().filter(Boolean::booleanValue).count();
                    long held = results.size() - erased;
                    String summary = "erased " + erased + " closed accounts" + (held > 0 ? ", " + held + " held back" : "");
                    return erased == 0 ? Mono.just(summary)
                            : Flux.fromStream(erasures::orderedStream)
                                    .concatMap(erasure -> erasure.afterErasing(asOf, erased))
                                    .reduce(summary, (text, note) -> text + ", " + note);
                });
    }

    /** Personal text other features hold about the member: messages, consents to message templates, staff call notes. */
    private Mono<Void> eraseElsewhere(long memberId) {
        return Flux.fromStream(erasures::orderedStream).concatMap(erasure -> erasure.memberErased(memberId)).then();
    }

    private Mono<Void> checksPass(long memberId) {
        List<AccountClosureCheck> all = checks.orderedStream().toList();
        return Flux.fromIterable(all).concatMap(check -> check.check(memberId)).then();
    }

    private static String subject(long memberId) {
        return Viewer.subjectOf(Role.MEMBER, memberId);
    }
}
