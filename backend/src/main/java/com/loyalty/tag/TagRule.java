package com.loyalty.tag;

import java.util.List;

/** A rule tag's conditions, all of which must hold; also the GraphQL input {@code TagRuleInput}. */
public record TagRule(List<TagCondition> conditions) {
}
