package com.loyalty.segment;

/** The classic eight RFM segments, from high or low recency, frequency and monetary scores. */
public enum RfmSegment {
    IMPORTANT_VALUE("重要价值客户"),
    IMPORTANT_DEVELOP("重要发展客户"),
    IMPORTANT_KEEP("重要保持客户"),
    IMPORTANT_RETAIN("重要挽留客户"),
    GENERAL_VALUE("一般价值客户"),
    GENERAL_DEVELOP("一般发展客户"),
    GENERAL_KEEP("一般保持客户"),
    GENERAL_RETAIN("一般挽留客户");

    private final String label;

    RfmSegment(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
