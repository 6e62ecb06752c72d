package com.loyalty.welcome;

import com.loyalty.coupon.CouponPack;
import com.loyalty.coupon.CouponPackService;
import com.loyalty.programme.ProgramRulesService;
import com.loyalty.shared.security.Viewer;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * The welcome as the member card shows it, once: the pack given and the message of the rules in
 * force when the member was welcomed, until the member has seen it.
 */
@Service
class WelcomeNotice {

    private final WelcomeRepository welcomes;
    private final ProgramRulesService rules;
    private final CouponPackService packs;
    private final Clock clock;

    WelcomeNotice(WelcomeRepository welcomes, ProgramRulesService rules, CouponPackService packs, Clock clock) {
        this.welcomes = welcomes;
        this.rules = rules;
        this.packs = packs;
        this.clock = clock;
    }

    /** The signed-in member's unseen welcome; empty once seen, or when it gave neither pack nor message. */
    public Mono<MemberWelcome> unseen(Viewer member) {
        return welcomes.unseen(member.id())
                .flatMap(given -> Mono.zip(
                        rules.rulesAt(member.brandId(), given.welcomedAt())
                                .map(inForce -> Optional.ofNullable(inForce.welcomeMessage()).filter(m -> !m.isBlank())),
                        given.packId() == null ? Mono.just(Optional.<String>empty())
                                : packs.find(member.brandId(), given.packId()).map(CouponPack::name).map(Optional::of)
                                .defaultIfEmpty(Optional.empty()),
                        (message, pack) -> new MemberWelcome(given.welcomedAt(), pack.orElse(null), message.orElse(null))))
                .filter(welcome -> !welcome.empty());
    }

    /** Marks the welcome seen; repeating it changes nothing. */
    public Mono<MarkWelcomeSeenPayload> markSeen(Viewer member) {
        return welcomes.markSeen(member.id(), clock.instant())
                .map(changed -> new MarkWelcomeSeenPayload(changed, List.of()));
    }
}
