package com.loyalty.tag;

import com.loyalty.audit.AuditedChange;
import com.loyalty.shared.graphql.BusinessException;
import com.loyalty.shared.graphql.ErrorCode;
import com.loyalty.shared.graphql.Pages;
import com.loyalty.shared.graphql.SearchText;
import com.loyalty.shared.graphql.UserError;
import com.loyalty.shared.security.Viewer;
import com.loyalty.audit.StaffAuditLog;
import com.loyalty.tag.TagRepository.TagMembers;
import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/** Defines the brand's tags (managers, admins) and reads them; a new or changed rule applies at once. */
@Service
public class TagService {

    /** The audit trail's name for a tag. */
    static final String SUBJECT = "TAG";

    private static final String CURSOR_KIND = "tag";

    private final TagRepository tags;
    private final RuleTagService ruleTags;
    private final StaffAuditLog audit;
    private final Clock clock;
    private final TransactionalOperator tx;

    public TagService(TagRepository tags, RuleTagService ruleTags, StaffAuditLog audit, Clock clock,
                      TransactionalOperator tx) {
        this.tags = tags;
        this.ruleTags = ruleTags;
        this.audit = audit;
        this.clock = clock;
        this.tx = tx;
    }

    public Mono<Tag> create(Viewer staff, CreateTagInput in) {
        return Mono.fromCallable(() -> new CreateTagInput(TagRuleCheck.name(in.name()),
                        in.rule() == null ? null : TagRuleCheck.normalized(in.rule())))
                .flatMap(checked -> tags.insert(staff.brandId(), checked.name(),
                                checked.rule() == null ? Tag.Kind.MANUAL : Tag.Kind.RULE, staff.id(), clock.instant())
                        .switchIfEmpty(Mono.error(TagService::nameTaken))
                        .flatMap(tag -> (checked.rule() == null ? Mono.<Void>empty()
                                : tags.setConditions(tag.id(), checked.rule().conditions()))
                                .then(state(tag))
                                .flatMap(after -> audit.recordChange(staff, staff.storeId(), "CREATE_TAG",
                                        AuditedChange.created(SUBJECT, tag.id(), after), describe(tag)))
                                .thenReturn(tag))
                        .as(tx::transactional))
                .flatMap(tag -> applyRule(staff.brandId(), tag));
    }

    public Mono<Tag> update(Viewer staff, UpdateTagInput in) {
        return Mono.fromCallable(() -> new UpdateTagInput(in.tagId(), in.name() == null ? null : TagRuleCheck.name(in.name()),
                        in.rule() == null ? null : TagRuleCheck.normalized(in.rule())))
                .flatMap(checked -> require(staff.brandId(), in.tagId())
                        .flatMap(tag -> {
                            if (checked.rule() != null && tag.kind() == Tag.Kind.MANUAL) {
                                return Mono.error(BusinessException.invalid("rule", "手动标签不能设置规则，请新建规则标签"));
                            }
                            Mono<Tag> renamed = checked.name() == null ? Mono.just(tag)
                                    : tags.rename(staff.brandId(), tag.id(), checked.name());
                            return state(tag).flatMap(before -> renamed.flatMap(after -> (checked.rule() == null
                                            ? Mono.<Void>empty() : tags.setConditions(tag.id(), checked.rule().conditions()))
                                    .then(state(after))
                                    .flatMap(afterState -> audit.recordChange(staff, staff.storeId(), "UPDATE_TAG",
                                            AuditedChange.changed(SUBJECT, tag.id(), before, afterState), describe(after)))
                                    .thenReturn(after)));
                        })
                        .onErrorMap(DuplicateKeyException.class, e -> nameTaken())
                        .as(tx::transactional)
                        .flatMap(tag -> checked.rule() == null ? Mono.just(tag) : applyRule(staff.brandId(), tag)));
    }

    /** Deletes the tag: members lose it and its history goes; the audit trail keeps its name. */
    public Mono<Long> delete(Viewer staff, DeleteTagInput in) {
        return require(staff.brandId(), in.tagId())
                .flatMap(tag -> state(tag).flatMap(before -> tags.delete(staff.brandId(), tag.id())
                        .then(audit.recordChange(staff, staff.storeId(), "DELETE_TAG",
                                AuditedChange.changed(SUBJECT, tag.id(), before, null), describe(tag)))
                        .thenReturn(tag.id())))
                .as(tx::transactional)
                .doOnSuccess(id -> ruleTags.forgetRules(staff.brandId()));
    }

    /** The brand's tag with this id, or empty. */
    public Mono<Tag> find(long brandId, long tagId) {
        return tags.find(brandId, tagId);
    }

    /** The tag of the brand, or TAG_NOT_FOUND on {@code tagId}. */
    Mono<Tag> require(long brandId, Long tagId) {
        return (tagId == null ? Mono.<Tag>empty() : tags.find(brandId, tagId))
                .switchIfEmpty(Mono.error(() -> new BusinessException(UserError.onInput("tagId",
                        ErrorCode.TAG_NOT_FOUND, "标签不存在"))));
    }

    /** A page of the brand's tags, newest first, of one kind and/or with {@code search} in the name if given. */
    public Mono<Pages.Page<Tag>> page(long brandId, Tag.Kind kind, String search, Integer first, String after) {
        String pattern = SearchText.pattern(search, "search");
        int size = Pages.size(first);
        return tags.page(brandId, kind, pattern, Pages.after(after, CURSOR_KIND), size + 1).collectList()
                .zipWith(tags.count(brandId, kind, pattern),
                        (rows, total) -> Pages.of(rows, size, Tag::id, CURSOR_KIND, after != null, total));
    }

    /** The tags each member has now, by name; an empty list for members without tags. */
    public Mono<Map<Long, List<Tag>>> tagsOf(Collection<Long> memberIds) {
        return tags.tagsOf(memberIds).collectList().map(rows -> {
            Map<Long, List<Tag>> byMember = rows.stream().collect(Collectors.groupingBy(TagRepository.MemberTag::memberId,
                    HashMap::new, Collectors.mapping(TagRepository.MemberTag::tag, Collectors.toList())));
            memberIds.forEach(id -> byMember.putIfAbsent(id, List.of()));
            return byMember;
        });
    }

    /** The rules of the rule tags among these, by tag id. */
    public Mono<Map<Long, TagRule>> rules(Collection<Long> tagIds) {
        return tags.rules(tagIds).collectMap(RuleTag::id, rule -> new TagRule(rule.conditions()));
    }

    /** How many members have each tag, by tag id (0 for tags nobody has). */
    public Mono<Map<Long, Integer>> memberCounts(Collection<Long> tagIds) {
        return tags.memberCounts(tagIds).collectMap(TagMembers::tagId, c -> (int) c.members()).map(counts -> {
            Map<Long, Integer> all = new HashMap<>(counts);
            tagIds.forEach(id -> all.putIfAbsent(id, 0));
            return all;
        });
    }

    /** Brings a rule tag's members up to date with its rule, as of today. */
    private Mono<Tag> applyRule(long brandId, Tag tag) {
        if (tag.kind() == Tag.Kind.MANUAL) {
            return Mono.just(tag);
        }
        ruleTags.forgetRules(brandId);
        return ruleTags.refreshTag(tag.id(), ruleTags.today()).thenReturn(tag);
    }

    private static BusinessException nameTaken() {
        return new BusinessException(UserError.onInput("name", ErrorCode.TAG_NAME_TAKEN, "已有同名标签"));
    }

    /** A tag as the audit trail keeps it: the tag and its rule (null for a manual tag). */
    record TagState(Tag tag, TagRule rule) {
    }

    private Mono<TagState> state(Tag tag) {
        return rules(List.of(tag.id())).map(byId -> new TagState(tag, byId.get(tag.id())));
    }

    private static String describe(Tag tag) {
        return tag.id() + " " + tag.kind() + " " + tag.name();
    }
}
