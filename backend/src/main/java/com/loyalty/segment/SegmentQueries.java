package com.loyalty.segment;

import com.loyalty.member.Member;
import com.loyalty.member.MemberRepository;
import com.loyalty.shared.graphql.Pages;
import com.loyalty.shared.security.Viewer;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Staff-facing reads: one member's profile, filtered member lists and the brand's segment overview. */
@Service
public class SegmentQueries {

    private static final String CURSOR_KIND = "member";

    private final MemberRepository members;
    private final MemberDirectory directory;
    private final SegmentReads segments;
    private final SegmentService refresher;

    public SegmentQueries(MemberRepository members, MemberDirectory directory, SegmentReads segments,
                          SegmentService refresher) {
        this.members = members;
        this.directory = directory;
        this.segments = segments;
        this.refresher = refresher;
    }

    /** The member's profile when they belong to the staff member's brand; empty otherwise. */
    public Mono<MemberProfile> profile(Viewer staff, long memberId) {
        return members.findById(memberId)
                .filter(m -> m.brandId() == staff.brandId())
                .flatMap(m -> profiles(List.of(m)).map(profiles -> profiles.get(0)));
    }

    /** Members matching the filter, newest first, with the total count. */
    public Mono<Pages.Page<MemberProfile>> find(Viewer staff, MemberFilter filter, Integer first, String after) {
        MemberFilter wanted = filter == null ? MemberFilter.EVERYONE : filter;
        int size = Pages.size(first);
        return directory.find(staff.brandId(), wanted, Pages.after(after, CURSOR_KIND), size + 1).collectList()
                .flatMap(ids -> ids.isEmpty() ? Mono.just(List.<Member>of())
                        : members.findByIds(ids).collectList().map(found -> ordered(ids, found)))
                .flatMap(this::profiles)
                .zipWith(directory.count(staff.brandId(), wanted))
                .map(t -> Pages.of(t.getT1(), size, MemberProfile::id, CURSOR_KIND, after != null, t.getT2()));
    }

    /** Members per RFM segment, quadrant and stage, as of the last scoring. */
    public Mono<SegmentOverview> overview(Viewer staff) {
        return Mono.zip(segments.countBy(staff.brandId(), "rfm_segment"), segments.countBy(staff.brandId(), "quadrant"),
                        segments.countBy(staff.brandId(), "stage"))
                .map(t -> SegmentOverview.of(t.getT1(), t.getT2(), t.getT3()));
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
