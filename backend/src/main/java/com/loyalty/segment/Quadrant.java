package com.loyalty.segment;

/** Purchase frequency x average order value, each with the play that suits it. */
public enum Quadrant {
    HIGH_FREQUENCY_HIGH_VALUE("高频高客单", "储值赠礼：邀请开通储值卡，充值送礼"),
    HIGH_FREQUENCY_LOW_VALUE("高频低客单", "拼团：组合商品拼团，提高客单价"),
    LOW_FREQUENCY_HIGH_VALUE("低频高客单", "新品预售：优先购与预售权益，增加到店次数"),
    LOW_FREQUENCY_LOW_VALUE("低频低客单", "邀请有礼：以老带新奖励，激活关系链");

    private final String label;
    private final String play;

    Quadrant(String label, String play) {
        this.label = label;
        this.play = play;
    }

    public String label() {
        return label;
    }

    /** What to offer members in this quadrant. */
    public String play() {
        return play;
    }
}
