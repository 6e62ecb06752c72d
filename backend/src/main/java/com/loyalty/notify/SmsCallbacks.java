package com.loyalty.notify;

import com.loyalty.member.MemberService;
import com.loyalty.privacy.ConsentService;
import com.loyalty.privacy.UpdateConsentsInput;
import com.loyalty.shared.config.BrandProperties;
import com.loyalty.shared.crypto.PhoneCipher;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * What Alibaba Cloud SMS pushes back: delivery receipts (SmsReport), recorded on the message they
 * are about, and members' replies (SmsUp), where an unsubscribe word (回复TD退订: TD, T, N, R, 退订...)
 * withdraws the member's marketing consent through the privacy module, so that no marketing SMS
 * goes to them after (the sender checks the consent when it sends). The pushes are not signed by
 * the provider: the URL's secret token ({@code loyalty.notify.aliyun.callback-token}) is what
 * tells them from anyone else's.
 */
@Service
class SmsCallbacks {

    private static final Logger log = LoggerFactory.getLogger(SmsCallbacks.class);
    private static final TypeReference<List<Map<String, Object>>> ITEMS = new TypeReference<>() {
    };
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    /** Replies that mean "stop sending me marketing" (after trimming, any case). */
    static final Set<String> UNSUBSCRIBE = Set.of("TD", "T", "N", "R", "退订", "退", "取消", "拒收", "TD退订");
    /** Items one push may carry; the provider sends up to 100. */
    private static final int MAX_ITEMS = 500;

    private final AliyunSmsProperties aliyun;
    private final OutboxRepository outbox;
    private final MemberService members;
    private final ConsentService consents;
    private final BrandProperties brand;
    private final JsonMapper json;
    private final Clock clock;

    SmsCallbacks(AliyunSmsProperties aliyun, OutboxRepository outbox, MemberService members, ConsentService consents,
                 BrandProperties brand, JsonMapper json, Clock clock) {
        this.aliyun = aliyun;
        this.outbox = outbox;
        this.members = members;
        this.consents = consents;
        this.brand = brand;
        this.json = json;
        this.clock = clock;
    }

    /** Whether the token is the configured one (compared in constant time); false when none is configured. */
    boolean trusted(String token) {
        String expected = aliyun.callbackToken();
        return expected != null && !expected.isBlank() && token != null
                && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8));
    }

    /** Records each receipt on its message; how many matched a message. */
    Mono<Long> receipts(String body) {
        Instant now = clock.instant();
        return items(body).concatMap(item -> {
            String bizId = text(item.get("biz_id"));
            if (bizId == null) {
                return Mono.just(false);
            }
            boolean success = Boolean.TRUE.equals(item.get("success")) || "true".equals(text(item.get("success")));
            String note = join(text(item.get("err_code")), text(item.get("err_msg")));
            return outbox.receipt(bizId, success ? Notification.DeliveryStatus.DELIVERED
                    : Notification.DeliveryStatus.NOT_DELIVERED, time(item.get("report_time")), note, now);
        }).filter(Boolean::booleanValue).count();
    }

    /** Acts on each member reply; how many withdrew a marketing consent. */
    Mono<Long> replies(String body) {
        return items(body).concatMap(item -> {
            String content = text(item.get("content"));
            String raw = text(item.get("phone_number"));
            String phone = raw == null ? null : PhoneCipher.normalize(raw);
            if (phone == null || !unsubscribes(content)) {
                return Mono.just(false);
            }
            return members.idByPhone(brand.id(), phone)
                    .flatMap(memberId -> consents.update(memberId, new UpdateConsentsInput(null, false))
                            .doOnNext(c -> log.info("Member {} replied {} to an SMS: marketing consent withdrawn",
                                    memberId, content))
                            .thenReturn(true))
                    .defaultIfEmpty(false);
        }).filter(Boolean::booleanValue).count();
    }

    /** Whether a reply asks to unsubscribe: TD, 退订 and the like, in any case, with spaces or punctuation around. */
    static boolean unsubscribes(String content) {
        if (content == null) {
            return false;
        }
        String word = content.strip().replaceAll("[\\p{Punct}\\p{IsPunctuation}\\s]", "").toUpperCase(Locale.ROOT);
        return UNSUBSCRIBE.contains(word);
    }

    private Flux<Map<String, Object>> items(String body) {
        return Mono.fromCallable(() -> {
                    String trimmed = body == null ? "" : body.strip();
                    List<Map<String, Object>> list = trimmed.startsWith("{")
                            ? List.of(json.readValue(trimmed, new TypeReference<Map<String, Object>>() {
                            }))
                            : json.readValue(trimmed, ITEMS);
                    if (list.size() > MAX_ITEMS) {
                        throw new IllegalArgumentException("too many items: " + list.size());
                    }
                    return list;
                })
                .onErrorMap(e -> new IllegalArgumentException("not a JSON array of SMS reports: " + e.getMessage()))
                .flatMapMany(Flux::fromIterable);
    }

    private Instant time(Object value) {
        String text = text(value);
        try {
            return text == null ? null : LocalDateTime.parse(text, TIME).atZone(brand.zone()).toInstant();
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static String join(String code, String message) {
        if (code == null) {
            return message;
        }
        return message == null ? code : code + " " + message;
    }

    private static String text(Object value) {
        if (value == null) {
            return null;
        }
        String text = String.valueOf(value).strip();
        return text.isEmpty() ? null : text.length() > 200 ? text.substring(0, 200) : text;
    }
}
