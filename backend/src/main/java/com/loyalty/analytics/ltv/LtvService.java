package com.loyalty.analytics.ltv;

import com.loyalty.analytics.AnalyticsScope;
import com.loyalty.analytics.AnalyticsScopes;
import com.loyalty.analytics.churn.ChurnService;
import com.loyalty.member.MemberService;
import com.loyalty.segment.RfmSegment;
import com.loyalty.shared.config.BrandProperties;
import com.loyalty.shared.graphql.Pages;
import com.loyalty.shared.security.Viewer;
import java.time.Clock;
import java.util.List;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Lifetime value of a member, of the top members and per segment, stage or tag; predictions use the
 * brand's churn over the last complete month (see {@link LtvBasis}).
 */
@Service
public class LtvService {

    static final int DEFAULT_TOP = 10;
    static final String NOT_SCORED = "未评分";

    private final LtvRepository values;
    private final ChurnService churn;
    private final AnalyticsScopes scopes;
    private final MemberService members;
    private final BrandProperties brand;
    private final Clock clock;

    public LtvService(LtvRepository values, ChurnService churn, AnalyticsScopes scopes, MemberService members,
                      BrandProperties brand, Clock clock) {
        this.values = values;
        this.churn = churn;
        this.scopes = scopes;
        this.members = members;
        this.brand = brand;
        this.clock = clock;
    }

    /**
     * The member's value: empty when no such member is in the staff member's brand; FORBIDDEN for a
     * manager when the member is not one of their store's (registered or bought there).
     */
    public Mono<MemberLifetimeValue> member(Viewer staff, long memberId) {
        return members.get(memberId).filter(m -> m.brandId() == staff.brandId())
                .flatMap(m -> scopes.resolve(staff, null)
                        .flatMap(scope -> basis(scope.brandId())
                                .flatMap(basis -> values.member(scope, memberId, basis, brand.today(clock), brand.zone())))
                        .switchIfEmpty(Mono.error(() -> new AccessDeniedException("not a member of the store"))));
    }

    /** The members in scope with the highest lifetime value, at most 100. */
    public Mono<List<MemberLifetimeValue>> top(Viewer staff, Long storeId, Integer first) {
        int limit = first == null ? DEFAULT_TOP : Pages.size(first);
        return scopes.resolve(staff, storeId).flatMap(scope -> top(scope, limit));
    }

    /** The top members of a scope already checked. */
    public Mono<List<MemberLifetimeValue>> top(AnalyticsScope scope, int limit) {
        return basis(scope.brandId())
                .flatMap(basis -> values.top(scope, limit, basis, brand.today(clock), brand.zone()).collectList());
    }

    /** Lifetime value per RFM segment, lifecycle stage or tag of the members in scope, highest value first. */
    public Mono<LtvBySegment> bySegment(Viewer staff, LtvGroupBy groupBy, Long storeId) {
        return scopes.resolve(staff, storeId).flatMap(scope -> bySegment(scope, groupBy));
    }

    /** Lifetime value per group for a scope already checked. */
    public Mono<LtvBySegment> bySegment(AnalyticsScope scope, LtvGroupBy groupBy) {
        return basis(scope.brandId())
                .flatMap(basis -> values.bySegment(scope, groupBy, basis, brand.today(clock), brand.zone())
                        .map(s -> labelled(groupBy, s)).collectList()
                        .map(list -> new LtvBySegment(groupBy, scope.storeId(), basis.monthlyChurnRate(),
                                basis.expectedLifetimeMonths(), list)));
    }

    /** Predictions rest on the brand's churn, whatever store is read. */
    private Mono<LtvBasis> basis(long brandId) {
        return churn.lastMonth(new AnalyticsScope(brandId, null)).map(LtvBasis::of);
    }

    private static LtvSegment labelled(LtvGroupBy groupBy, LtvSegment s) {
        if (s.key() == null) {
            return new LtvSegment(null, NOT_SCORED, s.members(), s.historicalValueCents(), s.predictedValueCents());
        }
        if (groupBy == LtvGroupBy.RFM_SEGMENT) {
            return new LtvSegment(s.key(), RfmSegment.valueOf(s.key()).label(), s.members(), s.historicalValueCents(),
                    s.predictedValueCents());
        }
        return s;
    }
}
