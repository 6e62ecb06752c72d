package com.loyalty.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalTime;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each purpose's kind decides its channel; configuring marketing as a subscribe message stops the start. */
class MessageKindTest {

    @Test
    void serviceNoticesAreSubscribeMessagesAndMarketingGoesBySmsUnlessConfiguredOtherwise() {
        NotifyProperties settings = settings(Map.of(
                "points-expiring", new NotifyProperties.Template("tmpl-points", null, null, null),
                "birthday", new NotifyProperties.Template("SMS_BIRTHDAY", null, null, null)));

        assertThat(settings.template("POINTS_EXPIRING").channel()).isEqualTo(Channel.WECHAT_SUBSCRIBE);
        assertThat(settings.template("BIRTHDAY").channel()).isEqualTo(Channel.SMS);
        assertThat(settings.template("REPURCHASE").channel()).as("not configured").isEqualTo(Channel.SMS);
        assertThat(settings.template("SOMETHING_NEW").channel()).as("unknown purposes count as marketing")
                .isEqualTo(Channel.SMS);
    }

    @Test
    void aMarketingPurposeConfiguredAsASubscribeMessageStopsTheStart() {
        assertThatThrownBy(() -> settings(Map.of("dormant-30",
                new NotifyProperties.Template("tmpl-dormant", Channel.WECHAT_SUBSCRIBE, "pages/index/index", null))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("loyalty.notify.templates.dormant-30")
                .hasMessageContaining("marketing");
    }

    @Test
    void everyPurposeHasAKindAndOnlyServiceNoticesMayBeSubscribeMessages() {
        for (String service : new String[] {"POINTS_EXPIRING", "coupon-expiring", "WELCOME"}) {
            assertThat(MessageKind.of(service)).as(service).isEqualTo(MessageKind.SERVICE);
        }
        for (String marketing : new String[] {"DORMANT_30", "DORMANT_60", "BIRTHDAY", "REPURCHASE", "CAMPAIGN",
                "CAMPAIGN_SMS", "SOMETHING_NEW"}) {
            assertThat(MessageKind.of(marketing)).as(marketing).isEqualTo(MessageKind.MARKETING);
        }
        assertThat(MessageKind.SERVICE.mayGoBy(Channel.WECHAT_SUBSCRIBE)).isTrue();
        assertThat(MessageKind.MARKETING.mayGoBy(Channel.WECHAT_SUBSCRIBE)).isFalse();
        assertThat(MessageKind.MARKETING.mayGoBy(Channel.SMS)).isTrue();
    }

    private static NotifyProperties settings(Map<String, NotifyProperties.Template> templates) {
        return new NotifyProperties(templates, new NotifyProperties.QuietHours(LocalTime.of(21, 0), LocalTime.of(9, 0)),
                5, Duration.ofMinutes(1), 100, Duration.ofMinutes(10), "log", 3);
    }
}
