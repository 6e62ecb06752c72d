package com.loyalty.client;

import com.loyalty.shared.graphql.Pages;
import com.loyalty.shared.graphql.Payloads;
import com.loyalty.shared.security.Viewer;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The admin's API of the brand's machine clients (API clients). */
@Controller
class ApiClientController {

    private final ApiClientService clients;

    ApiClientController(ApiClientService clients) {
        this.clients = clients;
    }

    @PreAuthorize("hasRole('ADMIN')")
    @QueryMapping
    public Mono<Pages.Page<ApiClientDetail>> apiClients(@Argument ApiClientFilter filter, @Argument Integer first,
                                                        @Argument String after, @AuthenticationPrincipal Viewer admin) {
        return clients.page(admin, filter, first, after);
    }

    @PreAuthorize("hasRole('ADMIN')")
    @QueryMapping
    public Mono<ApiClientDetail> apiClient(@Argument Long id, @AuthenticationPrincipal Viewer admin) {
        return clients.find(admin, id);
    }

    @PreAuthorize("hasRole('ADMIN')")
    @QueryMapping
    public Flux<ApiClientScopeInfo> apiClientScopes() {
        return Flux.fromIterable(ApiClientScopes.DESCRIPTIONS.entrySet())
                .map(e -> new ApiClientScopeInfo(e.getKey(), e.getValue()));
    }

    /** A scope and what it allows. */
    record ApiClientScopeInfo(String scope, String description) {
    }

    @PreAuthorize("hasRole('ADMIN')")
    @MutationMapping
    public Mono<ApiClientSecretPayload> createApiClient(@Argument CreateApiClientInput input,
                                                        @AuthenticationPrincipal Viewer admin) {
        return Mono.defer(() -> clients.create(admin, input)).transform(Payloads.recover(ApiClientSecretPayload::failed));
    }

    @PreAuthorize("hasRole('ADMIN')")
    @MutationMapping
    public Mono<ApiClientPayload> updateApiClient(@Argument UpdateApiClientInput input,
                                                  @AuthenticationPrincipal Viewer admin) {
        return Mono.defer(() -> clients.update(admin, input)).transform(Payloads.recover(ApiClientPayload::failed));
    }

    @PreAuthorize("hasRole('ADMIN')")
    @MutationMapping
    public Mono<ApiClientSecretPayload> rotateApiClientSecret(@Argument ApiClientIdInput input,
                                                              @AuthenticationPrincipal Viewer admin) {
        return Mono.defer(() -> clients.rotate(admin, input)).transform(Payloads.recover(ApiClientSecretPayload::failed));
    }

    @PreAuthorize("hasRole('ADMIN')")
    @MutationMapping
    public Mono<ApiClientPayload> revokeApiClient(@Argument ApiClientIdInput input,
                                                  @AuthenticationPrincipal Viewer admin) {
        return Mono.defer(() -> clients.revoke(admin, input)).transform(Payloads.recover(ApiClientPayload::failed));
    }
}
