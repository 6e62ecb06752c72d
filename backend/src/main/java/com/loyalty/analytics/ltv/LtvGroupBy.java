package com.loyalty.analytics.ltv;

/** How lifetime values are grouped: by RFM segment, lifecycle stage or tag. */
public enum LtvGroupBy {
    RFM_SEGMENT,
    LIFECYCLE_STAGE,
    TAG
}
