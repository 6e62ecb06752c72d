package com.loyalty.notify;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Notification rules ({@code loyalty.notify}).
 *
 * @param templates   per purpose (key {@code points-expiring} or {@code POINTS_EXPIRING}): channel and template;
 *                    a MARKETING purpose ({@link MessageKind}) may not be a WeChat subscribe message (the start fails)
 * @param quietHours  brand-time window in which nothing is sent; messages wait for its end
 * @param maxAttempts sends tried before a message is FAILED
 * @param backoff     wait after the first failed attempt; doubles after each further one
 * @param batchSize   messages the sender takes at a time
 * @param lease       how long a taken message is reserved for the instance sending it
 * @param smsProvider {@code aliyun} (Alibaba Cloud SMS, {@link AliyunSmsProperties}), {@code log} (writes
 *                    to the log; never in production) or {@code none} (SMS messages fail)
 * @param smsDailyLimit SMS a member may be sent per business day, service and marketing together; one
 *                    more is SKIPPED with the reason (not retried)
 */
@ConfigurationProperties("loyalty.notify")
record NotifyProperties(
        Map<String, Template> templates,
        @DefaultValue QuietHours quietHours,
        @DefaultValue("5") int maxAttempts,
        @DefaultValue("1m") Duration backoff,
        @DefaultValue("100") int batchSize,
        @DefaultValue("10m") Duration lease,
        @DefaultValue("none") String smsProvider,
        @DefaultValue("3") int smsDailyLimit) {

    public NotifyProperties {
        Map<String, Template> byPurpose = new HashMap<>();
        (templates == null ? Map.<String, Template>of() : templates)
                .forEach((purpose, template) -> byPurpose.put(canonical(purpose), checked(purpose, template)));
        templates = Map.copyOf(byPurpose);
    }

    /**
     * How one purpose is sent.
     *
     * @param templateId WeChat subscribe template id, or the SMS provider's template code; blank: not sent
     * @param channel    WECHAT_SUBSCRIBE or SMS; left out: WeChat for a SERVICE purpose, SMS for a MARKETING one
     * @param page       mini-program page a subscribe message opens, e.g. pages/points/index
     * @param fields     template keyword (thing1, time2) to data field; empty: data fields as they are
     */
    public record Template(String templateId, Channel channel, String page, Map<String, String> fields,
                           OfficialAccount officialAccount, String smsTemplateId) {

        @org.springframework.boot.context.properties.bind.ConstructorBinding
        public Template {
            // in their configured order: a provider with positional parameters takes them so
            fields = fields == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(fields));
        }

        public Template(String templateId, Channel channel, String page, Map<String, String> fields) {
            this(templateId, channel, page, fields, null, null);
        }

        public boolean configured() {
            return templateId != null && !templateId.isBlank();
        }

        /** Whether followers of the official account get this purpose as a template message first. */
        public boolean byOfficialAccount() {
            return officialAccount != null && officialAccount.configured();
        }

        /** Whether a member the WeChat channels cannot reach gets it by SMS instead. */
        public boolean smsFallback() {
            return smsTemplateId != null && !smsTemplateId.isBlank();
        }

        /** Whether any channel can send it. */
        public boolean sendable() {
            return configured() || byOfficialAccount() || smsFallback();
        }
    }

    /**
     * The official account's template message (模板消息) of a SERVICE purpose, tried first for members
     * who follow the account.
     *
     * @param templateId the template id from the official account's 模板消息 page
     * @param fields     template keyword (first, keyword1, remark...) to data field; empty: data fields as they are
     */
    public record OfficialAccount(String templateId, Map<String, String> fields) {

        public OfficialAccount {
            fields = fields == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(fields));
        }

        public boolean configured() {
            return templateId != null && !templateId.isBlank();
        }
    }

    /** From {@code start} to {@code end} in brand time; may span midnight (default 21:00 to 09:00). */
    public record QuietHours(@DefaultValue("21:00") LocalTime start, @DefaultValue("09:00") LocalTime end) {

        /** Whether nothing may be sent at that instant. */
        public boolean contains(Instant at, ZoneId zone) {
            LocalTime t = at.atZone(zone).toLocalTime();
            if (start.equals(end)) {
                return false;
            }
            return start.isBefore(end) ? !t.isBefore(start) && t.isBefore(end) : !t.isBefore(start) || t.isBefore(end);
        }

        /** When the quiet hours that {@code at} falls in end. */
        public Instant endAfter(Instant at, ZoneId zone) {
            ZonedDateTime local = at.atZone(zone);
            LocalDate day = local.toLocalTime().isBefore(end) ? local.toLocalDate() : local.toLocalDate().plusDays(1);
            return day.atTime(end).atZone(zone).toInstant();
        }
    }

    /** The purpose's template; one without id, on its kind's channel, when the purpose is not configured. */
    public Template template(String purpose) {
        Template t = templates.get(canonical(purpose));
        return t != null ? t : new Template(null, MessageKind.of(purpose).defaultChannel(), null, null);
    }

    /**
     * The template with its kind's channel when it names none; refused when it would send a
     * MARKETING purpose as a WeChat one-time subscribe message, which WeChat's rules forbid.
     */
    private static Template checked(String purpose, Template template) {
        MessageKind kind = MessageKind.of(purpose);
        if (kind == MessageKind.MARKETING && template.byOfficialAccount()) {
            throw new IllegalArgumentException("loyalty.notify.templates." + purpose + ".official-account: "
                    + canonical(purpose) + " is a marketing message, which WeChat does not allow as a template message;"
                    + " it goes by SMS only (to members with marketing consent)");
        }
        if (template.channel() == null) {
            return new Template(template.templateId(), kind.defaultChannel(), template.page(), template.fields(),
                    template.officialAccount(), template.smsTemplateId());
        }
        if (!kind.mayGoBy(template.channel())) {
            throw new IllegalArgumentException("loyalty.notify.templates." + purpose + ": " + canonical(purpose)
                    + " is a marketing message, which WeChat does not allow as a one-time subscribe message;"
                    + " use channel SMS (sent only to members with marketing consent)");
        }
        return template;
    }

    /** The wait before attempt {@code attemptsMade + 1}: backoff, doubling per failed attempt. */
    public Duration backoffAfter(int attemptsMade) {
        return backoff.multipliedBy(1L << Math.min(Math.max(attemptsMade - 1, 0), 20));
    }

    /** POINTS_EXPIRING for points-expiring, points_expiring or [POINTS_EXPIRING]. */
    static String canonical(String purpose) {
        return purpose.replace("[", "").replace("]", "").replace('-', '_').toUpperCase(Locale.ROOT);
    }
}
