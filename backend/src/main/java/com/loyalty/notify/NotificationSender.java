package com.loyalty.notify;

import com.loyalty.shared.config.BrandProperties;
import com.loyalty.shared.crypto.PhoneCipher;
import com.loyalty.wechat.OfficialAccountClient;
import com.loyalty.wechat.OfficialAccountFollowers;
import com.loyalty.wechat.SubscribeSendException;
import com.loyalty.wechat.WeChatClient;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Delivers one message taken from the outbox over its channel and records how it went. A SERVICE
 * notice queued for WeChat goes, in order, as the official account's template message (to a
 * member who follows the account, when the purpose has one), as a subscribe message (when the
 * member has a consent left), or by SMS (when the purpose has an SMS fallback); the message records
 * the channel it went by. Outcomes: SENT,
 * SKIPPED (no template, openid, phone or consent; the member refused), PENDING again after a
 * backoff when trying later may work, FAILED when it cannot or attempts are used up. A MARKETING
 * message ({@link MessageKind}) goes only to a member who consents to marketing at the time of
 * sending, and never as a WeChat subscribe message (one queued that way before the rule is skipped).
 */
@Service
class NotificationSender {

    private static final Logger log = LoggerFactory.getLogger(NotificationSender.class);
    /** WeChat errcodes that retrying cannot fix: bad openid, template id, data or page. */
    private static final Set<Integer> PERMANENT = Set.of(40003, 40037, 47003, 41030);

    /** What an attempt came to. */
    public enum Outcome { SENT, SKIPPED, RETRYING, FAILED }

    private final OutboxRepository outbox;
    private final ConsentRepository consents;
    private final WeChatClient weChat;
    private final SmsSender sms;
    private final OfficialAccountClient officialAccount;
    private final OfficialAccountFollowers followers;
    private final SmsQuotaRepository smsQuota;
    private final BrandProperties brand;
    private final PhoneCipher phones;
    private final MessageData messageData;
    private final NotifyProperties settings;
    private final Clock clock;

    NotificationSender(OutboxRepository outbox, ConsentRepository consents, WeChatClient weChat, SmsSender sms,
                       OfficialAccountClient officialAccount, OfficialAccountFollowers followers,
                       SmsQuotaRepository smsQuota, BrandProperties brand, PhoneCipher phones,
                       MessageData messageData, NotifyProperties settings, Clock clock) {
        this.outbox = outbox;
        this.consents = consents;
        this.weChat = weChat;
        this.sms = sms;
        this.officialAccount = officialAccount;
        this.followers = followers;
        this.smsQuota = smsQuota;
        this.brand = brand;
        this.phones = phones;
        this.messageData = messageData;
        this.settings = settings;
        this.clock = clock;
    }

    public Mono<Outcome> deliver(OutboxRepository.Due due) {
        Notification n = due.message();
        NotifyProperties.Template template = settings.template(n.purpose());
        boolean viaWeChat = n.channel() != Channel.SMS;
        if (n.template() == null && !(viaWeChat && template.sendable())) {
            return finish(n, Outcome.SKIPPED, "no template configured for " + n.purpose());
        }
        MessageKind kind = MessageKind.of(n.purpose());
        if (!kind.mayGoBy(n.channel())) {
            return finish(n, Outcome.SKIPPED, "marketing message: never sent as a WeChat subscribe message");
        }
        if (kind == MessageKind.MARKETING && !due.marketingConsent()) {
            return finish(n, Outcome.SKIPPED, "member has not consented to marketing");
        }
        return Mono.defer(() -> {
                    if (!viaWeChat) {
                        return sms(due, messageData.values(n.data(), template.fields()), n.template());
                    }
                    // a SERVICE notice: the official account, then a subscribe message, then SMS
                    return officialAccount(due, template)
                            .switchIfEmpty(Mono.defer(() -> weChat(due, template)));
                })
                .onErrorResume(e -> {
                    log.warn("Notification {} could not be processed", n.id(), e);
                    return retryOrFail(n, "error: " + e.getMessage());
                });
    }

    /**
     * Sends the purpose's template message to a member who follows the official account (matched by
     * unionid); empty when the purpose has none, the member does not follow, or WeChat refused (the
     * next channel is tried then; 43004 also records that they unfollowed).
     */
    private Mono<Outcome> officialAccount(OutboxRepository.Due due, NotifyProperties.Template template) {
        Notification n = due.message();
        if (!template.byOfficialAccount() || !officialAccount.enabled()) {
            return Mono.empty();
        }
        String templateId = template.officialAccount().templateId();
        Map<String, String> values = messageData.values(n.data(), template.officialAccount().fields());
        return followers.followingOpenid(due.unionid())
                .flatMap(openid -> officialAccount.sendTemplateMessage(openid, templateId, template.page(), values)
                        .then(outbox.rerouted(n.id(), Channel.OFFICIAL_ACCOUNT, templateId))
                        .then(finish(n, Outcome.SENT, null))
                        .onErrorResume(SubscribeSendException.class, e -> {
                            log.info("Notification {}: official account refused ({}), trying the next channel",
                                    n.id(), e.getMessage());
                            return e.errcode() == OfficialAccountClient.NOT_FOLLOWING
                                    ? followers.unfollowed(openid).then(Mono.empty()) : Mono.empty();
                        }));
    }

    private Mono<Outcome> weChat(OutboxRepository.Due due, NotifyProperties.Template template) {
        Notification n = due.message();
        if (n.template() == null) {
            return fallBack(due, template, "no subscribe template configured for " + n.purpose());
        }
        if (due.openid() == null || due.openid().isBlank()) {
            return fallBack(due, template, "member has no WeChat openid");
        }
        Map<String, String> values = messageData.values(n.data(), template.fields());
        return consents.spend(n.memberId(), n.template(), clock.instant()).flatMap(consented -> !consented
                ? fallBack(due, template, "no subscribe consent left for template " + n.template())
                : weChat.sendSubscribeMessage(due.openid(), n.template(), template.page(), values)
                        .then(finish(n, Outcome.SENT, null))
                        .onErrorResume(SubscribeSendException.class, e -> weChatFailed(n, e)));
    }

    /** SMS when the purpose has an SMS fallback template (its data fields as parameters); SKIPPED with the reason otherwise. */
    private Mono<Outcome> fallBack(OutboxRepository.Due due, NotifyProperties.Template template, String reason) {
        Notification n = due.message();
        if (!template.smsFallback()) {
            return finish(n, Outcome.SKIPPED, reason);
        }
        if (due.phoneCipher() == null) {
            return finish(n, Outcome.SKIPPED, reason + "; member has no phone number for the SMS fallback");
        }
        return outbox.rerouted(n.id(), Channel.SMS, template.smsTemplateId())
                .then(sms(due, messageData.values(n.data(), Map.of()), template.smsTemplateId()));
    }

    private Mono<Outcome> weChatFailed(Notification n, SubscribeSendException e) {
        Instant now = clock.instant();
        if (e.errcode() == SubscribeSendException.USER_REFUSED) {
            return consents.clear(n.memberId(), n.template(), now)
                    .then(finish(n, Outcome.SKIPPED, "member refused (WeChat " + e.getMessage() + "); consents cleared"));
        }
        // WeChat did not deliver, so the consent was not used up
        Mono<Void> giveBack = consents.giveBack(n.memberId(), n.template(), now);
        return PERMANENT.contains(e.errcode())
                ? giveBack.then(finish(n, Outcome.FAILED, "WeChat " + e.getMessage()))
                : giveBack.then(retryOrFail(n, "WeChat " + e.getMessage()));
    }

    private Mono<Outcome> sms(OutboxRepository.Due due, Map<String, String> values, String smsTemplate) {
        Notification n = due.message();
        if (due.phoneCipher() == null) {
            return finish(n, Outcome.SKIPPED, "member has no phone number");
        }
        LocalDate day = brand.today(clock);
        int limit = settings.smsDailyLimit();
        return smsQuota.take(n.memberId(), day, limit).flatMap(taken -> !taken
                ? finish(n, Outcome.SKIPPED, "daily SMS limit reached (" + limit + " per member per day)")
                : sms.send(phones.decrypt(due.phoneCipher()), smsTemplate, values, String.valueOf(n.id()))
                        .flatMap(providerId -> outbox.sentAs(n.id(), providerId))
                        .then(finish(n, Outcome.SENT, null))
                        .onErrorResume(SmsSender.SmsException.class, e -> smsQuota.giveBack(n.memberId(), day)
                                .then(e.retryable()
                                        ? retryOrFail(n, "SMS " + e.getMessage())
                                        : finish(n, Outcome.FAILED, "SMS " + e.getMessage()))));
    }

    /** PENDING again after the backoff, or FAILED once the attempts are used up. */
    private Mono<Outcome> retryOrFail(Notification n, String reason) {
        if (n.attempts() >= settings.maxAttempts()) {
            return finish(n, Outcome.FAILED, "gave up after " + n.attempts() + " attempts: " + reason);
        }
        Instant next = clock.instant().plus(settings.backoffAfter(n.attempts()));
        return outbox.record(n.id(), NotificationStatus.PENDING, next, null, reason).thenReturn(Outcome.RETRYING);
    }

    private Mono<Outcome> finish(Notification n, Outcome outcome, String reason) {
        NotificationStatus status = NotificationStatus.valueOf(outcome.name());
        Instant sentAt = outcome == Outcome.SENT ? clock.instant() : null;
        return outbox.record(n.id(), status, null, sentAt, reason).thenReturn(outcome);
    }
}
