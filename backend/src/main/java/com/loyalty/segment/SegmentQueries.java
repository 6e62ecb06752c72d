package com.loyalty.segment;

import com.loyalty.member.Member;
import com.loyalty.member.MemberService;
import com.loyalty.membercode.MemberCodeService;
import com.loyalty.shared.Zip;
import com.loyalty.shared.crypto.PhoneCipher;
import com.loyalty.shared.graphql.BadArgumentException;
import com.loyalty.shared.graphql.BusinessException;
import com.loyalty.shared.graphql.ErrorCode;
import com.loyalty.shared.graphql.Pages;
import com.loyalty.shared.ratelimit.RateLimitedAction;
import com.loyalty.shared.ratelimit.RateLimits;
import com.loyalty.shared.security.Viewer;
import com.loyalty.audit.StaffAuditLog;
import com.loyalty.store.StoreScope;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Staff-facing reads: one member's profile, filtered member lists and the brand's segment overview. */
@Service
class SegmentQueries {

    private static final String CURSOR_KIND = "member";
    /** Audit action of a staff member reading one member's profile (who looked at whom). */
    static final String VIEW_PROFILE = "VIEW_MEMBER_PROFILE";
    /** Audit action of a clerk or manager asking for a member of another store (answered with nothing). */
    static final String VIEW_PROFILE_REFUSED = "VIEW_MEMBER_PROFILE_REFUSED";
    /** Audit action of a staff member's search for members (by phone, member code or nickname). */
    static final String SEARCH_MEMBERS = "SEARCH_MEMBERS";
    private static final int NICKNAME_SEARCH_MAX = 32;

    private final MemberService members;
    private final MemberDirectoryRepository directory;
    private final SegmentReadRepository segments;
    private final SegmentService refresher;
    private final StoreScope scope;
    private final RateLimits limits;
    private final StaffAuditLog audit;
    private final PhoneCipher phoneCipher;
    private final MemberCodeService memberCodes;

    SegmentQueries(MemberService members, MemberDirectoryRepository directory, SegmentReadRepository segments,
                          SegmentService refresher, StoreScope scope, RateLimits limits, StaffAuditLog audit,
                          PhoneCipher phoneCipher, MemberCodeService memberCodes) {
        this.phoneCipher = phoneCipher;
        this.memberCodes = memberCodes;
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
        String problem = wanted.problem();
        if (problem != null) {
            return Mono.error(new BadArgumentException(problem));
        }
        Long storeScope = storeScope(staff);
        if (!mayList(staff, wanted)) {
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

    /**
     * How many members each filter gives the staff member in {@link #find} (its total count), in
     * the filters' order, counted in one statement; null for a filter they may not list (a clerk's
     * or manager's filter on another store) or one {@link MemberFilter#problem()} refuses.
     */
    public Mono<List<Long>> counts(Viewer staff, List<MemberFilter> filters) {
        List<Integer> listed = new ArrayList<>();
        for (int i = 0; i < filters.size(); i++) {
            MemberFilter f = filters.get(i) == null ? MemberFilter.EVERYONE : filters.get(i);
            if (f.problem() == null && mayList(staff, f)) {
                listed.add(i);
            }
        }
        return directory.counts(staff.brandId(), storeScope(staff),
                        listed.stream().map(i -> filters.get(i) == null ? MemberFilter.EVERYONE : filters.get(i)).toList())
                .map(counted -> {
                    List<Long> all = new ArrayList<>(Collections.nCopies(filters.size(), (Long) null));
                    for (int j = 0; j < listed.size(); j++) {
                        all.set(listed.get(j), counted.get(j));
                    }
                    return all;
                });
    }

    /** The store whose members the staff member lists: null (the brand) for marketers and admins. */
    private static Long storeScope(Viewer staff) {
        return staff.role().isBrandWide() ? null : staff.storeId();
    }

    /** Whether the staff member may list the filter's members: brand-wide staff any, others only within their store. */
    private static boolean mayList(Viewer staff, MemberFilter filter) {
        return staff.role().isBrandWide() || staff.storeId() != null
                && (filter.storeId() == null || filter.storeId().equals(staff.storeId()));
    }

    /**
     * Finds members by phone (exact, through its keyed hash), member code (read, not used up) or
     * nickname (contains), newest first, among those the staff member may see (as {@link #find}).
     * A search is a lookup: rate-limited with member reads (MEMBER_LOOKUP) and audited
     * (SEARCH_MEMBERS, with the phone masked).
     */
    public Mono<Pages.Page<MemberProfile>> search(Viewer staff, MemberSearch search, Integer first, String after) {
        Long storeScope = staff.role().isBrandWide() ? null : staff.storeId();
        if (!staff.role().isBrandWide() && storeScope == null) {
            return Mono.error(new AccessDeniedException("staff search only their own store's members"));
        }
        String phone = blankToNull(search == null ? null : search.phone());
        String code = blankToNull(search == null ? null : search.code());
        String nickname = blankToNull(search == null ? null : search.nickname());
        long given = Stream.of(phone, code, nickname).filter(Objects::nonNull).count();
        if (given != 1) {
            return Mono.error(invalidSearch("请只按手机号、会员码或昵称中的一项查找"));
        }
        Mono<SearchCriteria> criteria;
        if (phone != null) {
            String digits = PhoneCipher.normalize(phone);
            if (digits == null) {
                return Mono.error(invalidSearch("手机号格式不正确"));
            }
            criteria = Mono.just(new SearchCriteria(new MemberDirectoryRepository.ByPhone(phoneCipher.lookupHash(digits)),
                    "phone " + PhoneCipher.mask(digits), null));
        } else if (code != null) {
            criteria = memberCodes.memberNamedBy(staff, code).map(id ->
                    new SearchCriteria(new MemberDirectoryRepository.ById(id), "member code", id));
        } else {
            if (nickname.length() > NICKNAME_SEARCH_MAX) {
                return Mono.error(invalidSearch("昵称不能超过 32 个字符"));
            }
            criteria = Mono.just(new SearchCriteria(new MemberDirectoryRepository.ByNickname(nickname),
                    "nickname " + nickname, null));
        }
        int size = Pages.size(first);
        Long afterId = Pages.after(after, CURSOR_KIND);
        return limits.acquire(RateLimitedAction.MEMBER_LOOKUP, staff.id())
                .then(criteria)
                .flatMap(c -> directory.search(staff.brandId(), storeScope, c.lookup(), afterId, size + 1)
                        .collectList()
                        .flatMap(ids -> ids.isEmpty() ? Mono.just(List.<Member>of())
                                : members.findByIds(ids).collectList().map(found -> ordered(ids, found)))
                        .flatMap(this::profiles)
                        .zipWith(directory.countSearch(staff.brandId(), storeScope, c.lookup()),
                                (rows, total) -> Pages.of(rows, size, MemberProfile::id, CURSOR_KIND, after != null, total))
                        .flatMap(page -> audit.record(staff, staff.storeId(), SEARCH_MEMBERS,
                                        c.memberId() != null && page.totalCount() > 0 ? c.memberId() : null,
                                        c.detail() + ": " + page.totalCount() + " found")
                                .thenReturn(page)));
    }

    /** What a search looks for, how the audit trail names it (never a full phone) and the member a code named. */
    private record SearchCriteria(MemberDirectoryRepository.Lookup lookup, String detail, Long memberId) {
    }

    private static BusinessException invalidSearch(String message) {
        return new BusinessException(ErrorCode.INVALID_INPUT, message);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
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
