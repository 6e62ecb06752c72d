package com.loyalty.tag;

import java.util.List;

/** A rule tag as the recompute needs it: its brand and conditions. */
record RuleTag(long id, long brandId, List<TagCondition> conditions) {
}
