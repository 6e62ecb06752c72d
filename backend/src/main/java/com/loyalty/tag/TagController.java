package com.loyalty.tag;

import com.loyalty.shared.graphql.Pages;
import com.loyalty.shared.graphql.Payloads;
import com.loyalty.shared.security.Viewer;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/**
 * Member tags: marketers and admins define them; staff put manual ones on members (a clerk or
 * manager only on their store's members); members never see them.
 */
@Controller
class TagController {

    private final TagService tags;
    private final MemberTagService memberTags;

    TagController(TagService tags, MemberTagService memberTags) {
        this.tags = tags;
        this.memberTags = memberTags;
    }

    @PreAuthorize("hasAnyRole('MARKETER', 'ADMIN')")
    @MutationMapping
    public Mono<TagPayload> createTag(@Argument CreateTagInput input, @AuthenticationPrincipal Viewer viewer) {
        return tags.create(viewer, input).map(TagPayload::of).transform(Payloads.recover(TagPayload::failed));
    }

    @PreAuthorize("hasAnyRole('MARKETER', 'ADMIN')")
    @MutationMapping
    public Mono<TagPayload> updateTag(@Argument UpdateTagInput input, @AuthenticationPrincipal Viewer viewer) {
        return tags.update(viewer, input).map(TagPayload::of).transform(Payloads.recover(TagPayload::failed));
    }

    @PreAuthorize("hasAnyRole('MARKETER', 'ADMIN')")
    @MutationMapping
    public Mono<DeleteTagPayload> deleteTag(@Argument DeleteTagInput input, @AuthenticationPrincipal Viewer viewer) {
        return tags.delete(viewer, input).map(DeleteTagPayload::of).transform(Payloads.recover(DeleteTagPayload::failed));
    }

    @PreAuthorize("hasAnyRole('CLERK', 'STORE_MANAGER', 'MARKETER', 'ADMIN')")
    @MutationMapping
    public Mono<MemberTagPayload> addMemberTag(@Argument MemberTagInput input, @AuthenticationPrincipal Viewer viewer) {
        return memberTags.add(viewer, input).transform(Payloads.recover(MemberTagPayload::failed));
    }

    @PreAuthorize("hasAnyRole('CLERK', 'STORE_MANAGER', 'MARKETER', 'ADMIN')")
    @MutationMapping
    public Mono<MemberTagPayload> removeMemberTag(@Argument MemberTagInput input, @AuthenticationPrincipal Viewer viewer) {
        return memberTags.remove(viewer, input).transform(Payloads.recover(MemberTagPayload::failed));
    }

    /** Staff of the brand list its tags; clerks need them to tag members. */
    @PreAuthorize("hasAnyRole('CLERK', 'STORE_MANAGER', 'MARKETER', 'ADMIN')")
    @QueryMapping
    public Mono<Pages.Page<Tag>> tags(@Argument Tag.Kind kind, @Argument String search, @Argument Integer first,
                                      @Argument String after, @AuthenticationPrincipal Viewer viewer) {
        return tags.page(viewer.brandId(), kind, search, first, after);
    }

    /** One of the brand's tags, or null. */
    @PreAuthorize("hasAnyRole('CLERK', 'STORE_MANAGER', 'MARKETER', 'ADMIN')")
    @QueryMapping
    public Mono<Tag> tag(@Argument long id, @AuthenticationPrincipal Viewer viewer) {
        return tags.find(viewer.brandId(), id);
    }

    @BatchMapping(typeName = "Tag")
    public Mono<Map<Tag, TagRule>> rule(List<Tag> list) {
        return tags.rules(ids(list)).map(byId -> list.stream().filter(t -> byId.containsKey(t.id()))
                .collect(Collectors.toMap(t -> t, t -> byId.get(t.id()), (a, b) -> a)));
    }

    @BatchMapping(typeName = "Tag")
    public Mono<Map<Tag, Integer>> memberCount(List<Tag> list) {
        return tags.memberCounts(ids(list)).map(byId -> list.stream()
                .collect(Collectors.toMap(t -> t, t -> byId.get(t.id()), (a, b) -> a)));
    }

    private static List<Long> ids(List<Tag> list) {
        return list.stream().map(Tag::id).distinct().toList();
    }
}
