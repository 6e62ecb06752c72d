package com.loyalty.webhook;

import com.loyalty.audit.AuditedChange;
import com.loyalty.audit.StaffAuditLog;
import com.loyalty.client.ApiClient;
import com.loyalty.client.ApiClients;
import com.loyalty.shared.config.AfterCommit;
import com.loyalty.shared.crypto.PhoneCipher;
import com.loyalty.shared.crypto.RandomTokens;
import com.loyalty.shared.graphql.BusinessException;
import com.loyalty.shared.graphql.ErrorCode;
import com.loyalty.shared.graphql.Pages;
import com.loyalty.shared.graphql.UserError;
import com.loyalty.shared.security.Viewer;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The admin's side of webhooks: subscriptions made, changed, paused, resumed, deleted, their secret
 * rotated (each audited, subject WEBHOOK_SUBSCRIPTION, never with the secret), deliveries listed,
 * replayed, and a test event sent.
 */
@Service
class WebhookSubscriptions {

    static final String AUDIT_SUBJECT = "WEBHOOK_SUBSCRIPTION";
    static final int URL_MAX = 2000;
    static final int DESCRIPTION_MAX = 200;
    /** What a secret starts with, so it is recognised in a configuration file. */
    static final String SECRET_PREFIX = "whsec_";
    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");

    private final SubscriptionRepository subscriptions;
    private final DeliveryRepository deliveries;
    private final WebhookOutbox outbox;
    private final WebhookWorker worker;
    private final WantedEvents wanted;
    private final ApiClients clients;
    private final StaffAuditLog audit;
    private final PhoneCipher cipher;
    private final WebhookProperties settings;
    private final TransactionalOperator tx;
    private final Clock clock;

    WebhookSubscriptions(SubscriptionRepository subscriptions, DeliveryRepository deliveries, WebhookOutbox outbox,
                         WebhookWorker worker, WantedEvents wanted, ApiClients clients, StaffAuditLog audit, PhoneCipher cipher,
                         WebhookProperties settings, TransactionalOperator tx, Clock clock) {
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
        this.outbox = outbox;
        this.worker = worker;
        this.wanted = wanted;
        this.clients = clients;
        this.audit = audit;
        this.cipher = cipher;
        this.settings = settings;
        this.tx = tx;
        this.clock = clock;
    }

    Mono<Pages.Page<WebhookSubscription>> page(long brandId, WebhookSubscriptionFilter filter, Integer first,
                                               String after) {
        WebhookSubscriptionFilter f = filter == null ? WebhookSubscriptionFilter.NONE : filter;
        int size = Pages.size(first);
        Long afterId = Pages.after(after, "webhook");
        return subscriptions.page(brandId, f, afterId, size + 1).collectList()
                .zipWith(subscriptions.count(brandId, f),
                        (rows, total) -> Pages.of(rows, size, WebhookSubscription::id, "webhook", after != null, total));
    }

    Mono<WebhookSubscription> find(long brandId, long id) {
        return subscriptions.find(brandId, id);
    }

    Mono<Pages.Page<WebhookDelivery>> deliveries(WebhookSubscription subscription, WebhookDeliveryStatus status,
                                                 Integer first, String after) {
        int size = Pages.size(first);
        Long afterId = Pages.after(after, "delivery");
        return deliveries.page(subscription.id(), status, afterId, size + 1).collectList()
                .zipWith(deliveries.count(subscription.id(), status),
                        (rows, total) -> Pages.of(rows, size, WebhookDelivery::id, "delivery", after != null, total));
    }

    Flux<WebhookAttempt> attempts(Collection<Long> deliveryIds) {
        return deliveryIds.isEmpty() ? Flux.empty() : deliveries.attempts(deliveryIds);
    }

    /** Subscribes the client (ACTIVE, of the brand) and makes its secret, shown this once. */
    Mono<WebhookSubscriptionPayload.WithSecret> create(Viewer admin, CreateWebhookSubscriptionInput input) {
        String url;
        List<WebhookEventType> events;
        String description;
        try {
            url = checkedUrl(input.url());
            events = checkedEvents(input.events());
            description = checkedDescription(input.description());
        } catch (BusinessException e) {
            return Mono.error(e);
        }
        String secret = newSecret();
        Instant now = clock.instant();
        return client(admin, input.clientId())
                .flatMap(client -> subscriptions.insert(admin.brandId(), client.id(), url, events, description,
                        cipher.encrypt(secret), admin.id(), now))
                .flatMap(created -> audit.recordChange(admin, null, "CREATE_WEBHOOK_SUBSCRIPTION",
                                AuditedChange.created(AUDIT_SUBJECT, created.id(), AuditedState.of(created)), created.url())
                        .thenReturn(new WebhookSubscriptionPayload.WithSecret(created, secret)))
                .as(tx::transactional)
                .doOnSuccess(changed -> wanted.invalidate());
    }

    Mono<WebhookSubscription> update(Viewer admin, UpdateWebhookSubscriptionInput input) {
        String url;
        List<WebhookEventType> events;
        String description;
        try {
            url = input.url() == null ? null : checkedUrl(input.url());
            events = input.events() == null ? null : checkedEvents(input.events());
            description = input.description() == null ? null : checkedDescription(input.description());
        } catch (BusinessException e) {
            return Mono.error(e);
        }
        return lock(admin, input.subscriptionId())
                .flatMap(before -> subscriptions.update(before.id(), url == null ? before.url() : url,
                                events == null ? before.events() : events,
                                input.description() == null ? before.description() : description, clock.instant())
                        .flatMap(after -> audited(admin, "UPDATE_WEBHOOK_SUBSCRIPTION", before, after)))
                .as(tx::transactional)
                .doOnSuccess(changed -> wanted.invalidate());
    }

    /** Stops deliveries (they wait) and events (none are queued while paused); pausing a paused one changes nothing. */
    Mono<WebhookSubscription> pause(Viewer admin, Long id) {
        return lock(admin, id)
                .flatMap(before -> before.status() == WebhookSubscriptionStatus.PAUSED ? Mono.just(before)
                        : subscriptions.setStatus(before.id(), WebhookSubscriptionStatus.PAUSED, clock.instant())
                                .flatMap(after -> audited(admin, "PAUSE_WEBHOOK_SUBSCRIPTION", before, after)))
                .as(tx::transactional)
                .doOnSuccess(changed -> wanted.invalidate());
    }

    /**
     * Makes a paused or disabled subscription ACTIVE again, its failure count back to zero; deliveries
     * still PENDING go out at their time. Resuming an active one changes nothing.
     */
    Mono<WebhookSubscription> resume(Viewer admin, Long id) {
        return lock(admin, id)
                .flatMap(before -> before.status() == WebhookSubscriptionStatus.ACTIVE ? Mono.just(before)
                        : subscriptions.setStatus(before.id(), WebhookSubscriptionStatus.ACTIVE, clock.instant())
                                .flatMap(after -> audited(admin, "RESUME_WEBHOOK_SUBSCRIPTION", before, after))
                                .flatMap(after -> AfterCommit.run(Mono.fromRunnable(worker::nudge)).thenReturn(after)))
                .as(tx::transactional)
                .doOnSuccess(changed -> wanted.invalidate());
    }

    /** Deletes the subscription with its delivery log; nothing more goes to it. */
    Mono<Long> delete(Viewer admin, Long id) {
        return lock(admin, id)
                .flatMap(before -> subscriptions.delete(before.id())
                        .then(audit.recordChange(admin, null, "DELETE_WEBHOOK_SUBSCRIPTION",
                                AuditedChange.changed(AUDIT_SUBJECT, before.id(), AuditedState.of(before), null),
                                before.url()))
                        .thenReturn(before.id()))
                .as(tx::transactional)
                .doOnSuccess(changed -> wanted.invalidate());
    }

    /**
     * A new secret, shown this once; deliveries are signed with the previous one too for
     * {@code loyalty.webhooks.rotation-grace} so the receiver can switch without losing any.
     */
    Mono<WebhookSubscriptionPayload.WithSecret> rotate(Viewer admin, Long id) {
        String secret = newSecret();
        Instant now = clock.instant();
        return lockStored(admin, id)
                .flatMap(stored -> subscriptions.rotate(stored.subscription().id(), cipher.encrypt(secret),
                        stored.secretCipher(), now.plus(settings.rotationGrace()), now))
                .flatMap(after -> audit.recordChange(admin, null, "ROTATE_WEBHOOK_SECRET",
                                AuditedChange.changed(AUDIT_SUBJECT, after.id(), null, null), after.url())
                        .thenReturn(new WebhookSubscriptionPayload.WithSecret(after, secret)))
                .as(tx::transactional);
    }

    /** Sends the delivery again (its subscription must be ACTIVE), at once, retries starting over. */
    Mono<WebhookDelivery> replay(Viewer admin, Long deliveryId) {
        return (deliveryId == null ? Mono.<WebhookDelivery>empty() : deliveries.lock(admin.brandId(), deliveryId))
                .switchIfEmpty(Mono.error(() -> new BusinessException(UserError.onInput("deliveryId",
                        ErrorCode.WEBHOOK_DELIVERY_NOT_FOUND, "推送记录不存在"))))
                .flatMap(delivery -> subscriptions.find(admin.brandId(), delivery.subscriptionId())
                        .flatMap(this::requireActive)
                        .then(deliveries.replay(delivery.id(), clock.instant())))
                .flatMap(replayed -> audit.record(admin, null, "REPLAY_WEBHOOK_DELIVERY", null,
                                replayed.eventType() + " " + replayed.eventId() + " → 订阅 " + replayed.subscriptionId())
                        .then(AfterCommit.run(Mono.fromRunnable(worker::nudge)))
                        .thenReturn(replayed))
                .as(tx::transactional);
    }

    /** Queues a {@code webhook.test} event for the (ACTIVE) subscription only, to go out at once. */
    Mono<WebhookDelivery> sendTest(Viewer admin, Long id) {
        return lock(admin, id)
                .flatMap(this::requireActive)
                .flatMap(subscription -> outbox.write(admin.brandId(), WebhookEventType.WEBHOOK_TEST, null,
                                WebhookOutbox.data("subscriptionId", String.valueOf(subscription.id()),
                                        "message", "这是一条测试推送"),
                                List.of(subscription.id()))
                        .flatMap(ids -> deliveries.find(ids.get(0)))
                        .flatMap(delivery -> audit.record(admin, null, "SEND_TEST_WEBHOOK", null,
                                        "订阅 " + subscription.id() + " " + subscription.url())
                                .thenReturn(delivery)))
                .as(tx::transactional);
    }

    private Mono<WebhookSubscription> requireActive(WebhookSubscription subscription) {
        return subscription.status() == WebhookSubscriptionStatus.ACTIVE ? Mono.just(subscription)
                : Mono.error(new BusinessException(ErrorCode.WEBHOOK_NOT_ACTIVE,
                        "订阅已" + (subscription.status() == WebhookSubscriptionStatus.PAUSED ? "暂停" : "停用")
                                + "，请先恢复"));
    }

    private Mono<ApiClient> client(Viewer admin, Long clientId) {
        return (clientId == null ? Mono.<ApiClient>empty() : clients.find(admin.brandId(), clientId))
                .filter(ApiClient::active)
                .switchIfEmpty(Mono.error(() -> BusinessException.invalid("clientId", "对接系统不存在或已吊销")));
    }

    private Mono<WebhookSubscription> lock(Viewer admin, Long id) {
        return lockStored(admin, id).map(SubscriptionRepository.Stored::subscription);
    }

    private Mono<SubscriptionRepository.Stored> lockStored(Viewer admin, Long id) {
        return (id == null ? Mono.<SubscriptionRepository.Stored>empty() : subscriptions.lock(admin.brandId(), id))
                .switchIfEmpty(Mono.error(() -> new BusinessException(UserError.onInput("subscriptionId",
                        ErrorCode.WEBHOOK_SUBSCRIPTION_NOT_FOUND, "Webhook 订阅不存在"))));
    }

    private Mono<WebhookSubscription> audited(Viewer admin, String action, WebhookSubscription before,
                                              WebhookSubscription after) {
        return audit.recordChange(admin, null, action,
                        AuditedChange.changed(AUDIT_SUBJECT, after.id(), AuditedState.of(before), AuditedState.of(after)),
                        after.url())
                .thenReturn(after);
    }

    /** A subscription as the audit trail shows it (never its secret). */
    record AuditedState(long clientId, String url, List<WebhookEventType> events, String description,
                        WebhookSubscriptionStatus status) {

        static AuditedState of(WebhookSubscription s) {
            return new AuditedState(s.clientId(), s.url(), s.events(), s.description(), s.status());
        }
    }

    static String newSecret() {
        return SECRET_PREFIX + RandomTokens.urlSafe(32);
    }

    /**
     * An absolute https URL without credentials, at most 2000 characters; plain http only to the hosts
     * of {@code loyalty.webhooks.allow-http-hosts}. Loopback, private and link-local addresses are
     * refused unless allowed there, so a subscription cannot aim the backend at its own network.
     */
    String checkedUrl(String typed) {
        String url = typed == null ? "" : typed.strip();
        if (url.isEmpty() || url.length() > URL_MAX || CONTROL.matcher(url).find()) {
            throw BusinessException.invalid("url", "请填写不超过 2000 个字符的网址");
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw BusinessException.invalid("url", "网址格式不正确");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        if (host.isEmpty() || uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
            throw BusinessException.invalid("url", "网址需包含主机名，且不能含用户名、密码或 # 片段");
        }
        boolean allowedHost = settings.allowHttpHosts().contains(host);
        if (!scheme.equals("https") && !(scheme.equals("http") && allowedHost)) {
            throw BusinessException.invalid("url", "网址必须以 https:// 开头");
        }
        if (!allowedHost && internal(host)) {
            throw BusinessException.invalid("url", "不能推送到内网或本机地址");
        }
        return url;
    }

    /** localhost, or a literal loopback, private, link-local or unique-local address. */
    private static boolean internal(String host) {
        if (host.equals("localhost") || host.endsWith(".localhost")) {
            return true;
        }
        String literal = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (!literal.matches("[0-9.]+") && !literal.contains(":")) {
            return false;
        }
        try {
            InetAddress address = InetAddress.getByName(literal);
            return address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()
                    || address.isAnyLocalAddress()
                    || address.getAddress().length == 16 && (address.getAddress()[0] & 0xfe) == 0xfc;
        } catch (java.net.UnknownHostException e) {
            return true;
        }
    }

    static List<WebhookEventType> checkedEvents(List<WebhookEventType> events) {
        if (events == null || events.isEmpty()) {
            throw BusinessException.invalid("events", "请至少选择一种事件");
        }
        LinkedHashSet<WebhookEventType> distinct = new LinkedHashSet<>(events);
        if (distinct.stream().anyMatch(e -> e == null || !e.subscribable())) {
            throw BusinessException.invalid("events", "测试事件不能订阅");
        }
        return List.copyOf(distinct);
    }

    static String checkedDescription(String typed) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        String description = typed.strip();
        if (description.length() > DESCRIPTION_MAX || CONTROL.matcher(description).find()) {
            throw BusinessException.invalid("description", "说明不能超过 200 个字符，且不能含控制字符");
        }
        return description;
    }
}
