package com.loyalty.automation;

import java.util.Map;

/**
 * A member a rule should act on, once per episode (e.g. the day the dormant spell began), with the
 * values for the message and, for follow-ups, the store whose staff should call.
 */
public record Candidate(long memberId, String episode, Map<String, String> values, Long storeId) {
}
