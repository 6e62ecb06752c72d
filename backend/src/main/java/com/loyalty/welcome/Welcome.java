package com.loyalty.welcome;

import com.loyalty.coupon.CouponPackService;
import com.loyalty.member.Member;
import com.loyalty.member.MemberEvents;
import com.loyalty.notify.NotificationOutbox;
import com.loyalty.programme.ProgramRules;
import com.loyalty.programme.ProgramRulesService;
import com.loyalty.shared.graphql.BusinessException;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Welcomes a member when they register (in the mini-program, or at a store by its QR code): the
 * welcome coupon pack of the rules in force then, if any, and their welcome message, if any, as a
 * WELCOME message. Once per member:
 * the {@code member_welcome} row is claimed first, so a retry or a second sign-in gives nothing
 * more. A pack that cannot be given (out of stock, archived) does not stop the registration or
 * the message.
 */
@Component
class Welcome implements MemberEvents {

    private static final Logger log = LoggerFactory.getLogger(Welcome.class);
    static final String PURPOSE = "welcome";

    private final WelcomeRepository welcomes;
    private final ProgramRulesService rules;
    private final CouponPackService packs;
    private final NotificationOutbox outbox;
    private final Clock clock;
    private final TransactionalOperator tx;

    Welcome(WelcomeRepository welcomes, ProgramRulesService rules, CouponPackService packs, NotificationOutbox outbox,
            Clock clock, TransactionalOperator tx) {
        this.welcomes = welcomes;
        this.rules = rules;
        this.packs = packs;
        this.outbox = outbox;
        this.clock = clock;
        this.tx = tx;
    }

    /** The message's data: the member's name, the gift (empty without a pack) and the brand's text. */
    record WelcomeMessage(String name, String gift, String message) {
    }

    @Override
    public Mono<Void> memberRegistered(Member member) {
        Instant now = clock.instant();
        ProgramRules inForce = rules.rulesAt(now);
        Long packId = inForce.welcomeCouponPackId();
        return welcomes.claim(member.id(), inForce.version(), packId, now)
                .filter(claimed -> claimed)
                .flatMap(claimed -> givePack(member, packId)
                        .flatMap(gift -> inForce.welcomeMessage() == null ? Mono.<Boolean>empty()
                                : outbox.enqueue(member.id(), PURPOSE, "welcome:" + member.id(),
                                new WelcomeMessage(member.nickname() == null || member.nickname().isBlank() ? "会员"
                                        : member.nickname(), gift, inForce.welcomeMessage()), now)))
                .as(tx::transactional)
                .then()
                .onErrorResume(e -> {
                    // registration goes on; the welcome is logged for an operator
                    log.warn("welcome of member {} failed: {}", member.id(), e.toString());
                    return Mono.empty();
                });
    }

    /** Gives the pack; the gift's text, empty when there is none or it could not be given. */
    private Mono<String> givePack(Member member, Long packId) {
        if (packId == null) {
            return Mono.just("");
        }
        return packs.find(member.brandId(), packId)
                .flatMap(pack -> packs.issueAutomatically(member.brandId(), member.id(), packId, "welcome:" + member.id())
                        .thenReturn(pack.name()))
                .switchIfEmpty(Mono.defer(() -> welcomes.packNotGiven(member.id()).thenReturn("")))
                .onErrorResume(BusinessException.class, e -> {
                    log.warn("welcome pack {} not given to member {}: {}", packId, member.id(), e.getMessage());
                    return welcomes.packNotGiven(member.id()).thenReturn("");
                });
    }
}
