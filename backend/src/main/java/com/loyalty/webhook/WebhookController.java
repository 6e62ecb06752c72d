package com.loyalty.webhook;

import com.loyalty.client.ApiClient;
import com.loyalty.client.ApiClients;
import com.loyalty.shared.graphql.Pages;
import com.loyalty.shared.graphql.Payloads;
import com.loyalty.shared.security.Viewer;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The admin's webhook subscriptions, their delivery logs, replays and test sends. */
@Controller
class WebhookController {

    private final WebhookSubscriptions webhooks;
    private final ApiClients clients;

    WebhookController(WebhookSubscriptions webhooks, ApiClients clients) {
        this.webhooks = webhooks;
        this.clients = clients;
    }

    @PreAuthorize("hasRole('ADMIN')")
    @QueryMapping
    public Mono<Pages.Page<WebhookSubscription>> webhookSubscriptions(@Argument WebhookSubscriptionFilter filter,
                                                                      @Argument Integer first, @Argument String after,
                                                                      @AuthenticationPrincipal Viewer viewer) {
        return webhooks.page(viewer.brandId(), filter, first, after);
    }

    @PreAuthorize("hasRole('ADMIN')")
    @QueryMapping
    public Mono<WebhookSubscription> webhookSubscription(@Argument Long id, @AuthenticationPrincipal Viewer viewer) {
        return webhooks.find(viewer.brandId(), id);
    }

    @PreAuthorize("hasRole('ADMIN')")
    @QueryMapping
    public Mono<List<WebhookEventTypeInfo>> webhookEventTypes() {
        return Mono.just(Arrays.stream(WebhookEventType.values()).filter(WebhookEventType::subscribable)
                .map(WebhookEventTypeInfo::of).toList());
    }

    @PreAuthorize("hasRole('ADMIN')")
    @QueryMapping
    public Mono<List<WebhookClient>> webhookClients(@AuthenticationPrincipal Viewer viewer) {
        return clients.findAll(viewer.brandId()).filter(ApiClient::active)
                .map(c -> new WebhookClient(c.id(), c.name(), c.kind().name(), List.copyOf(c.storeIds())))
                .collectList();
    }

    /** Reached only through the admin's queries above. */
    @SchemaMapping(typeName = "WebhookSubscription")
    public Mono<Pages.Page<WebhookDelivery>> deliveries(WebhookSubscription subscription,
                                                        @Argument WebhookDeliveryStatus status,
                                                        @Argument Integer first, @Argument String after) {
        return webhooks.deliveries(subscription, status, first, after);
    }

    @BatchMapping(typeName = "WebhookSubscription")
    public Mono<Map<WebhookSubscription, String>> clientName(List<WebhookSubscription> subscriptions) {
        return Flux.fromIterable(subscriptions.stream().map(WebhookSubscription::brandId).distinct().toList())
                .concatMap(clients::findAll)
                .collectMap(ApiClient::id, ApiClient::name)
                .map(names -> subscriptions.stream().filter(s -> names.containsKey(s.clientId()))
                        .collect(Collectors.toMap(Function.identity(), s -> names.get(s.clientId()), (a, b) -> a)));
    }

    @BatchMapping(typeName = "WebhookDelivery")
    public Mono<Map<WebhookDelivery, List<WebhookAttempt>>> attemptLog(List<WebhookDelivery> deliveries) {
        return webhooks.attempts(deliveries.stream().map(WebhookDelivery::id).distinct().toList())
                .collectMultimap(WebhookAttempt::deliveryId)
                .map(byId -> deliveries.stream().collect(Collectors.toMap(Function.identity(),
                        d -> List.copyOf(byId.getOrDefault(d.id(), List.of())), (a, b) -> a)));
    }

    @PreAuthorize("hasRole('ADMIN')")
    @MutationMapping
    public Mono<WebhookSubscriptionPayload> createWebhookSubscription(@Argument CreateWebhookSubscriptionInput input,
                                                                      @AuthenticationPrincipal Viewer viewer) {
        return webhooks.create(viewer, input).map(WebhookSubscriptionPayload::withSecret)
                .transform(Payloads.recover(WebhookSubscriptionPayload::failed));
    }

    @PreAuthorize("hasRole('ADMIN')")
    @MutationMapping
    public Mono<WebhookSubscriptionPayload> updateWebhookSubscription(@Argument UpdateWebhookSubscriptionInput input,
                                                                      @AuthenticationPrincipal Viewer viewer) {
        return webhooks.update(viewer, input).map(WebhookSubscriptionPayload::of)
                .transform(Payloads.recover(WebhookSubscriptionPayload::failed));
    }

    @PreAuthorize("hasRole('ADMIN')")
    @MutationMapping
    public Mono<WebhookSubscriptionPayload> pauseWebhookSubscription(@Argument WebhookSubscriptionIdInput input,
                                                                     @AuthenticationPrincipal Viewer viewer) {
        return webhooks.pause(viewer, input.subscriptionId()).map(WebhookSubscriptionPayload::of)
                .transform(Payloads.recover(WebhookSubscriptionPayload::failed));
    }

    @PreAuthorize("hasRole('ADMIN')")
    @MutationMapping
    public Mono<WebhookSubscriptionPayload> resumeWebhookSubscription(@Argument WebhookSubscriptionIdInput input,
                                                                      @AuthenticationPrincipal Viewer viewer) {
        return webhooks.resume(viewer, input.subscriptionId()).map(WebhookSubscriptionPayload::of)
                .transform(Payloads.recover(WebhookSubscriptionPayload::failed));
    }

    @PreAuthorize("hasRole('ADMIN')")
    @MutationMapping
    public Mono<DeleteWebhookSubscriptionPayload> deleteWebhookSubscription(@Argument WebhookSubscriptionIdInput input,
                                                                            @AuthenticationPrincipal Viewer viewer) {
        return webhooks.delete(viewer, input.subscriptionId()).map(DeleteWebhookSubscriptionPayload::of)
                .transform(Payloads.recover(DeleteWebhookSubscriptionPayload::failed));
    }

    @PreAuthorize("hasRole('ADMIN')")
    @MutationMapping
    public Mono<WebhookSubscriptionPayload> rotateWebhookSecret(@Argument WebhookSubscriptionIdInput input,
                                                                @AuthenticationPrincipal Viewer viewer) {
        return webhooks.rotate(viewer, input.subscriptionId()).map(WebhookSubscriptionPayload::withSecret)
                .transform(Payloads.recover(WebhookSubscriptionPayload::failed));
    }

    @PreAuthorize("hasRole('ADMIN')")
    @MutationMapping
    public Mono<WebhookDeliveryPayload> replayWebhookDelivery(@Argument ReplayWebhookDeliveryInput input,
                                                              @AuthenticationPrincipal Viewer viewer) {
        return webhooks.replay(viewer, input.deliveryId()).map(WebhookDeliveryPayload::of)
                .transform(Payloads.recover(WebhookDeliveryPayload::failed));
    }

    @PreAuthorize("hasRole('ADMIN')")
    @MutationMapping
    public Mono<WebhookDeliveryPayload> sendTestWebhook(@Argument WebhookSubscriptionIdInput input,
                                                        @AuthenticationPrincipal Viewer viewer) {
        return webhooks.sendTest(viewer, input.subscriptionId()).map(WebhookDeliveryPayload::of)
                .transform(Payloads.recover(WebhookDeliveryPayload::failed));
    }
}
