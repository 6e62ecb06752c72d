package com.loyalty.tag;

import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Manual tags members had in the brand's previous system (the member import), many at a time: a
 * name the brand has no tag of yet becomes a manual tag; a name of a rule tag is left out (rules
 * decide who has those). Each tag given is recorded in the member's tag history as added by the
 * admin importing, reason 导入.
 */
@Service
public class TagImports {

    /** One tag of one member, by name. */
    public record MemberTagName(long memberId, String name) {
    }

    private final MemberTagRepository memberTags;

    TagImports(MemberTagRepository memberTags) {
        this.memberTags = memberTags;
    }

    /** Gives the tags (in the caller's transaction); how many members got a tag they did not have. */
    public Mono<Long> tagAll(long brandId, long staffId, List<MemberTagName> tags, Instant at) {
        return tags.isEmpty() ? Mono.just(0L) : memberTags.importAll(brandId, staffId, tags, at);
    }
}
