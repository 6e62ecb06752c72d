package com.loyalty.notify;

import java.util.Map;

/**
 * Whether a message is a service notice or marketing, per purpose: the one place that decides how
 * a purpose may reach the member.
 *
 * <p>WeChat allows a one-time subscribe message (一次性订阅消息) only for a notice the member
 * triggered and expects about their own account (their points or coupon about to expire, their
 * registration), never for marketing. So a SERVICE purpose goes as a subscribe message by default;
 * a MARKETING one (wake-ups, birthday and repurchase nudges, campaign messages) goes only by SMS,
 * only to members who gave marketing consent, and is never offered for a subscribe consent. A
 * purpose not listed here counts as MARKETING, so a new one is never sent by subscribe message by
 * mistake. The mini-program states the same kinds in {@code miniprogram/src/lib/subscribe.js}.
 */
public enum MessageKind {
    SERVICE,
    MARKETING;

    private static final Map<String, MessageKind> BY_PURPOSE = Map.ofEntries(
            Map.entry("POINTS_EXPIRING", SERVICE),
            Map.entry("COUPON_EXPIRING", SERVICE),
            Map.entry("WELCOME", SERVICE),
            Map.entry("EVENT_UPDATE", SERVICE),
            Map.entry("DORMANT_30", MARKETING),
            Map.entry("DORMANT_60", MARKETING),
            Map.entry("BIRTHDAY", MARKETING),
            Map.entry("REPURCHASE", MARKETING),
            Map.entry("CAMPAIGN", MARKETING),
            Map.entry("CAMPAIGN_SMS", MARKETING),
            Map.entry("MALL_EARLY_ACCESS", MARKETING),
            Map.entry("COUPON_EARLY_ACCESS", MARKETING));

    /** The purpose's kind (any spelling of it, e.g. points-expiring); MARKETING when it is not listed. */
    public static MessageKind of(String purpose) {
        return BY_PURPOSE.getOrDefault(NotifyProperties.canonical(purpose), MARKETING);
    }

    /** Whether a message of this kind may go over the channel: subscribe and template messages carry SERVICE notices only. */
    public boolean mayGoBy(Channel channel) {
        return this == SERVICE || channel == Channel.SMS;
    }

    /** The channel of a purpose whose template names none: WeChat for a service notice, SMS for marketing. */
    Channel defaultChannel() {
        return this == SERVICE ? Channel.WECHAT_SUBSCRIBE : Channel.SMS;
    }
}
