package com.loyalty.analytics.churn;

import com.loyalty.segment.LifecycleStage;

/** Members at one lifecycle stage and their share of the scored members in scope. */
public record ChurnStageCount(LifecycleStage stage, long members, Double share) {
}
