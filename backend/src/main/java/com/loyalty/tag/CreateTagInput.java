package com.loyalty.tag;

/** GraphQL input of {@code createTag}; no rule makes a manual tag. */
public record CreateTagInput(String name, TagRule rule) {
}
