package com.loyalty.webhook;

import java.util.Arrays;
import java.util.Optional;

/**
 * What a webhook tells of; {@link #wireName()} is the {@code type} in the payload
 * ({@code purchase.recorded}), the constant is the GraphQL enum value ({@code PURCHASE_RECORDED}).
 */
public enum WebhookEventType {
    MEMBER_REGISTERED("member.registered", "会员注册"),
    PURCHASE_RECORDED("purchase.recorded", "消费登记"),
    PURCHASE_REFUNDED("purchase.refunded", "消费退款"),
    POINTS_CHANGED("points.changed", "积分变动"),
    TIER_CHANGED("tier.changed", "等级变化"),
    COUPON_ISSUED("coupon.issued", "发券"),
    COUPON_REDEEMED("coupon.redeemed", "核销优惠券"),
    WALLET_CHANGED("wallet.changed", "储值余额变动"),
    CAMPAIGN_ENDED("campaign.ended", "活动结束"),
    /** Sent by sendTestWebhook to one subscription; nobody subscribes to it. */
    WEBHOOK_TEST("webhook.test", "测试");

    private final String wireName;
    private final String label;

    WebhookEventType(String wireName, String label) {
        this.wireName = wireName;
        this.label = label;
    }

    public String wireName() {
        return wireName;
    }

    public String label() {
        return label;
    }

    /** Whether a subscription may ask for it (all but the test event). */
    public boolean subscribable() {
        return this != WEBHOOK_TEST;
    }

    static Optional<WebhookEventType> ofWireName(String name) {
        return Arrays.stream(values()).filter(t -> t.wireName.equals(name)).findFirst();
    }
}
