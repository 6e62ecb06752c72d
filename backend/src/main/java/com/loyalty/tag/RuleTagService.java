package com.loyalty.tag;

import com.loyalty.member.Member;
import com.loyalty.purchase.Purchase;
import com.loyalty.purchase.PurchaseEvents;
import com.loyalty.purchase.Refund;
import com.loyalty.shared.config.BrandProperties;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Keeps rule tags true: for one member inside each purchase's and refund's transaction, for
 * everyone in the nightly run (windows move and birthday months change without a purchase).
 * A brand's rules are read at most once a minute for purchases; changes made through this
 * backend apply at once, other backends see them within the minute.
 */
@Service
public class RuleTagService implements PurchaseEvents {

    static final Duration RULES_CACHED_FOR = Duration.ofMinutes(1);

    private final RuleTagRepository rules;
    private final TagRepository tags;
    private final BrandProperties brand;
    private final Clock clock;
    private final Map<Long, Mono<List<RuleTag>>> brandRules = new ConcurrentHashMap<>();

    public RuleTagService(RuleTagRepository rules, TagRepository tags, BrandProperties brand, Clock clock) {
        this.rules = rules;
        this.tags = tags;
        this.brand = brand;
        this.clock = clock;
    }

    /**
     * Recomputes every rule tag for every member as of the business date, one statement per tag
     * (each its own transaction unless the caller has one); returns how many member-tag rows were
     * added or removed.
     */
    public Mono<Long> refreshAll(LocalDate asOf) {
        return rules.all()
                .concatMap(tag -> rules.sync(List.of(tag), null, asOf, brand.zone(), clock.instant()))
                .reduce(0L, Long::sum);
    }

    /** Recomputes the rule tags of the member's brand for that member as of the business date. */
    public Mono<Void> refreshMember(long brandId, long memberId, LocalDate asOf) {
        return rulesOf(brandId)
                .flatMap(list -> rules.sync(list, memberId, asOf, brand.zone(), clock.instant()))
                .then();
    }

    /** The brand's rule tags with their conditions, read again after {@link #RULES_CACHED_FOR}. */
    private Mono<List<RuleTag>> rulesOf(long brandId) {
        return brandRules.computeIfAbsent(brandId, id -> rules.ofBrand(id).collectList()
                .cache(list -> RULES_CACHED_FOR, error -> Duration.ZERO, () -> Duration.ZERO));
    }

    /** Drops the brand's remembered rules after a tag of the brand changed. */
    void forgetRules(long brandId) {
        brandRules.remove(brandId);
    }

    /** Recomputes one rule tag for every member of its brand as of the business date. */
    Mono<Long> refreshTag(long tagId, LocalDate asOf) {
        return tags.rules(List.of(tagId)).collectList()
                .flatMap(list -> rules.sync(list, null, asOf, brand.zone(), clock.instant()));
    }

    /** Today's business date. */
    LocalDate today() {
        return brand.today(clock);
    }

    @Override
    public Mono<Void> purchaseRecorded(Purchase purchase, Member member) {
        return refreshMember(member.brandId(), member.id(), today());
    }

    @Override
    public Mono<Void> purchaseRefunded(Purchase purchase, Refund refund) {
        return purchase.guest() ? Mono.empty() : refreshMember(purchase.brandId(), purchase.memberId(), today());
    }
}
