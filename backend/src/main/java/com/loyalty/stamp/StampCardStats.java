package com.loyalty.stamp;

/** How members are doing with a card: cards running now, completed (rewards given) and stamps collected. */
public record StampCardStats(long running, long completed, long stamps) {

    static final StampCardStats NONE = new StampCardStats(0, 0, 0);
}
