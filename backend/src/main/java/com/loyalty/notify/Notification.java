package com.loyalty.notify;

import java.time.Instant;

/**
 * One message in the outbox, as staff see it.
 *
 * @param purpose       what it is about, e.g. POINTS_EXPIRING (the outbox's kind)
 * @param template      WeChat template id or SMS template code; null when the purpose had none
 * @param data          the message's data as JSON
 * @param nextAttemptAt when the sender may next try it; null unless PENDING
 * @param lastError     why it was retried, skipped or failed
 * @param recipient     to whom it went, masked (138****1234, or the WeChat openid's ends); null where not read
 * @param providerMessageId the SMS provider's id of the message (its BizId); null unless sent by SMS
 * @param delivery      what the provider's delivery receipt said; null until one came
 */
public record Notification(
        long id,
        long memberId,
        String purpose,
        Channel channel,
        String template,
        String data,
        NotificationStatus status,
        int attempts,
        Instant dueAt,
        Instant nextAttemptAt,
        Instant sentAt,
        String lastError,
        Instant createdAt,
        String recipient,
        String providerMessageId,
        Delivery delivery) {

    /** Where the message ended up, as the SMS provider's receipt tells. */
    public enum DeliveryStatus { DELIVERED, NOT_DELIVERED }

    /**
     * A delivery receipt: delivered or not, when the phone got it (or the operator gave up), and the
     * operator's code and text (e.g. DELIVERED 用户接收成功, MK:0001 空号).
     */
    public record Delivery(DeliveryStatus status, Instant at, String note, Instant reportedAt) {
    }

    /** The same message as staff may see it: recipient masked, and the recipient's phone or openid masked in its texts. */
    Notification seenBy(String phone, String openid) {
        String shown = channel == Channel.SMS ? (phone == null ? null : com.loyalty.shared.crypto.PhoneCipher.mask(phone))
                : maskOpenid(openid);
        return new Notification(id, memberId, purpose, channel, template, hide(data, phone, openid), status, attempts,
                dueAt, nextAttemptAt, sentAt, hide(lastError, phone, openid), createdAt, shown, providerMessageId, delivery);
    }

    private static String hide(String text, String phone, String openid) {
        String out = text;
        if (out != null && phone != null && !phone.isEmpty()) {
            out = out.replace(phone, com.loyalty.shared.crypto.PhoneCipher.mask(phone));
        }
        if (out != null && openid != null && !openid.isEmpty()) {
            out = out.replace(openid, maskOpenid(openid));
        }
        return out;
    }

    /** oAbc…xyz9: the first and last four characters of a WeChat openid. */
    static String maskOpenid(String openid) {
        if (openid == null || openid.isEmpty()) {
            return null;
        }
        return openid.length() <= 8 ? "****" : openid.substring(0, 4) + "****" + openid.substring(openid.length() - 4);
    }

    @Override
    public Instant nextAttemptAt() {
        return status == NotificationStatus.PENDING ? nextAttemptAt : null;
    }
}
