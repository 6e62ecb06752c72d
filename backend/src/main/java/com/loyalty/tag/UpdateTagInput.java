package com.loyalty.tag;

/** GraphQL input of {@code updateTag}: a new name and/or (for rule tags) new conditions. */
public record UpdateTagInput(Long tagId, String name, TagRule rule) {
}
