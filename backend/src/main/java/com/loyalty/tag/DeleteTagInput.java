package com.loyalty.tag;

/** GraphQL input of {@code deleteTag}. */
public record DeleteTagInput(Long tagId) {
}
