package com.loyalty.stamp;

/** GraphQL input of pauseStampCard, resumeStampCard and stopStampCard. */
public record StampCardIdInput(Long id) {
}
