package com.loyalty.analytics.rollup;

import com.loyalty.segment.SegmentProperties;
import com.loyalty.shared.config.BrandProperties;
import java.time.Clock;
import java.time.LocalDate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Keeps members' spells current for the rollup runs: builds a brand's spells when they are missing
 * or were built for other rules, and recomputes the buyers of each day rolled up.
 */
@Service
class MemberSpellRollup {

    private final MemberSpellRepository spells;
    private final SegmentProperties rules;
    private final BrandProperties brand;
    private final Clock clock;
    private final TransactionalOperator tx;

    public MemberSpellRollup(MemberSpellRepository spells, SegmentProperties rules, BrandProperties brand, Clock clock,
                             TransactionalOperator tx) {
        this.spells = spells;
        this.rules = rules;
        this.brand = brand;
        this.clock = clock;
        this.tx = tx;
    }

    /** Builds the brand's spells, in one transaction, unless they are built for the current rules. */
    public Mono<Void> ensureBuilt(long brandId) {
        return spells.built(brandId, rules.churnedDays(), brand.zone())
                .flatMap(built -> built ? Mono.<Void>empty()
                        : spells.rebuild(brandId, rules.churnedDays(), brand.zone(), clock.instant()).as(tx::transactional));
    }

    /** Recomputes the spells of the day's buyers (inside the day's rollup transaction). */
    public Mono<Void> dayRolledUp(long brandId, LocalDate day) {
        return spells.recompute(brandId, day, rules.churnedDays(), brand.zone());
    }
}
