package com.loyalty.segment;

import com.loyalty.shared.graphql.Pages;
import com.loyalty.shared.graphql.Payloads;
import com.loyalty.shared.security.Viewer;
import java.security.Principal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/**
 * Saved member filters: marketers and admins save, change and delete them; store managers read
 * them too and apply them within their own store, as members() does.
 */
@Controller
class SavedMemberFilterController {

    private final SavedMemberFilterService saved;

    SavedMemberFilterController(SavedMemberFilterService saved) {
        this.saved = saved;
    }

    @PreAuthorize("hasAnyRole('STORE_MANAGER', 'MARKETER', 'ADMIN')")
    @QueryMapping
    public Mono<Pages.Page<SavedMemberFilter>> savedMemberFilters(@Argument String search, @Argument Integer first,
                                                                  @Argument String after,
                                                                  @AuthenticationPrincipal Viewer viewer) {
        return saved.page(viewer.brandId(), search, first, after);
    }

    @PreAuthorize("hasAnyRole('STORE_MANAGER', 'MARKETER', 'ADMIN')")
    @QueryMapping
    public Mono<SavedMemberFilter> savedMemberFilter(@Argument long id, @AuthenticationPrincipal Viewer viewer) {
        return saved.find(viewer.brandId(), id);
    }

    @PreAuthorize("hasAnyRole('MARKETER', 'ADMIN')")
    @MutationMapping
    public Mono<SavedMemberFilterPayload> saveMemberFilter(@Argument SaveMemberFilterInput input,
                                                           @AuthenticationPrincipal Viewer viewer) {
        return saved.create(viewer, input).map(SavedMemberFilterPayload::of)
                .transform(Payloads.recover(SavedMemberFilterPayload::failed));
    }

    @PreAuthorize("hasAnyRole('MARKETER', 'ADMIN')")
    @MutationMapping
    public Mono<SavedMemberFilterPayload> updateSavedMemberFilter(@Argument UpdateSavedMemberFilterInput input,
                                                                  @AuthenticationPrincipal Viewer viewer) {
        return saved.update(viewer, input).map(SavedMemberFilterPayload::of)
                .transform(Payloads.recover(SavedMemberFilterPayload::failed));
    }

    @PreAuthorize("hasAnyRole('MARKETER', 'ADMIN')")
    @MutationMapping
    public Mono<DeleteSavedMemberFilterPayload> deleteSavedMemberFilter(@Argument DeleteSavedMemberFilterInput input,
                                                                        @AuthenticationPrincipal Viewer viewer) {
        return saved.delete(viewer, input).map(DeleteSavedMemberFilterPayload::of)
                .transform(Payloads.recover(DeleteSavedMemberFilterPayload::failed));
    }

    /** Each filter's member count as the caller would see it in members(filter:): one statement for the whole list. */
    @BatchMapping(typeName = "SavedMemberFilter")
    public Mono<Map<SavedMemberFilter, Integer>> memberCount(List<SavedMemberFilter> list, Principal principal) {
        if (!(principal instanceof Authentication a && a.getPrincipal() instanceof Viewer viewer)) {
            return Mono.just(Map.of());
        }
        List<SavedMemberFilter> distinct = list.stream().distinct().toList();
        return saved.memberCounts(viewer, distinct).map(byId -> {
            Map<SavedMemberFilter, Integer> counts = new HashMap<>();
            for (SavedMemberFilter f : distinct) {
                Long n = byId.get(f.id());
                if (n != null) {
                    counts.put(f, n.intValue());
                }
            }
            return counts;
        });
    }
}
