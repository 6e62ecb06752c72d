package com.loyalty.segment;

import com.loyalty.member.Member;
import com.loyalty.member.MemberService;
import com.loyalty.shared.Zip;
import com.loyalty.shared.graphql.Pages;
import com.loyalty.shared.ratelimit.RateLimitedAction;
import com.loyalty.shared.ratelimit.RateLimits;
import com.loyalty.shared.security.Viewer;
import com.loyalty.audit.StaffAuditLog;
import com.loyalty.store.StoreScope;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Staff-facing reads: one member's profile, filtered member lists and the brand's segment overview. */
@Service
public class SegmentQueries {

    private static final String CURSOR_KIND = "member";
    /** Audit action of a staff member reading one member's profile (who looked at whom). */
    static final String VIEW_PROFILE = "VIEW_MEMBER_PROFILE";
    /** Audit action of a clerk or manager asking for a member of another store (answered with nothing). */
    static final String VIEW_PROFILE_REFUSED = "VIEW_MEMBER_PROFILE_REFUSED";

    private final MemberService members;
    private final MemberDirectoryRepository directory;
    private final SegmentReadRepository segments;
    private final SegmentService refresher;
    private final StoreScope scope;
    private final RateLimits limits;
    private final StaffAuditLog audit;

    public SegmentQueries(MemberService members, MemberDirectoryRepository directory, SegmentReadRepository segments,
                          SegmentService refresher, StoreScope scope, RateLimits limits, StaffAuditLog audit) {
        this.scope = scope;
        this.limits = limits;
        this.audit = audit;
        this.members = members;
        this.directory = directory;
        this.segments = segments;
        this.refresher = refresher;
    }

    /**
     * The member's profile when the staff member may see them: of the brand, and for a clerk or
     * manager a member of their store (registered or bought there); empty otherwise. Each staff
     * member's reads are rate-limited (MEMBER_LOOKUP: reading members one id after another) and
     * every read is audited, a refused one too.
     */
    public Mono<MemberProfile> profile(Viewer staff, long memberId) {
        return limits.acquire(RateLimitedAction.MEMBER_LOOKUP, staff.id())
                .then(members.get(memberId))
                .filter(m -> m.brandId() == staff.brandId())
                .flatMap(m -> scope.mayActOn(staff, m.id()).flatMap(allowed -> allowed
                        ? audit.record(staff, staff.storeId(), VIEW_PROFILE, m.id(), null)
                                .then(profiles(List.of(m)).map(profiles -> profiles.get(0)))
                        : audit.record(staff, staff.storeId(), VIEW_PROFILE_REFUSED, m.id(), "not a member of the store")
                                .then(Mono.empty())));
    }

    /**
     * Members matching the filter, newest first, with the total count: the brand's for marketers
     * and admins, a clerk's or manager's own store's (registered or bought there) for them.
     */
    public Mono<Pages.Page<MemberProfile>> find(Viewer staff, MemberFilter filter, Integer first, String after) {
        MemberFilter wanted = filter == null ? MemberFilter.EVERYONE : filter;
        Long storeScope = staff.role().isBrandWide() ? null : staff.storeId();
        if (!staff.role().isBrandWide() && (storeScope == null
                || wanted.storeId() != null && !wanted.storeId().equals(storeScope))) {
            return Mono.error(new AccessDeniedException("staff list only their own store's members"));
        }
        int size = Pages.size(first);
        return directory.find(staff.brandId(), storeScope, wanted, Pages.after(after, CURSOR_KIND), size + 1)
                .collectList()
                .flatMap(ids -> ids.isEmpty() ? Mono.just(List.<Member>of())
                        : members.findByIds(ids).collectList().map(found -> ordered(ids, found)))
                .flatMap(this::profiles)
                .zipWith(directory.count(staff.brandId(), storeScope, wanted),
                        (rows, total) -> Pages.of(rows, size, MemberProfile::id, CURSOR_KIND, after != null, total));
    }

    /** Members per RFM segment, quadrant and stage, as of the last scoring. */
    public Mono<SegmentOverview> overview(Viewer staff) {
        return Zip.of(segments.countBy(staff.brandId(), "rfm_segment"), segments.countBy(staff.brandId(), "quadrant"),
                segments.countBy(staff.brandId(), "stage"), SegmentOverview::of);
    }

    /** Profiles in the order of the members given; a member not scored yet gets their stage computed now. */
    private Mono<List<MemberProfile>> profiles(List<Member> list) {
        if (list.isEmpty()) {
            return Mono.just(List.of());
        }
        List<Long> ids = list.stream().map(Member::id).toList();
        return segments.findByMemberIds(ids).collectMap(MemberSegment::memberId)
                .flatMap(found -> Flux.fromIterable(list)
                        .filter(m -> !found.containsKey(m.id()))
                        .concatMap(refresher::refreshStage)
                        .then(found.size() == list.size() ? Mono.just(found)
                                : segments.findByMemberIds(ids).collectMap(MemberSegment::memberId)))
                .map(all -> list.stream().map(m -> new MemberProfile(m, all.get(m.id()))).toList());
    }

    private static List<Member> ordered(Collection<Long> ids, List<Member> found) {
        Map<Long, Member> byId = found.stream().collect(Collectors.toMap(Member::id, Function.identity()));
        return ids.stream().map(byId::get).filter(Objects::nonNull).toList();
    }
}
