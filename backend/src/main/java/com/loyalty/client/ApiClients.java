package com.loyalty.client;

import java.util.Collection;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The brand's machine clients, for other modules (webhooks, audit): read only. */
@Service
public class ApiClients {

    private final ApiClientRepository clients;

    ApiClients(ApiClientRepository clients) {
        this.clients = clients;
    }

    /** The client of the brand with this id; empty when there is none (or it is another brand's). */
    public Mono<ApiClient> find(long brandId, long clientId) {
        return clients.findById(brandId, clientId);
    }

    /** Every client of the brand, revoked ones included, oldest first. */
    public Flux<ApiClient> findAll(long brandId) {
        return clients.findAll(brandId);
    }

    /** The brand's clients among these ids (for naming who acted in the audit trail). */
    public Flux<ApiClient> findByIds(long brandId, Collection<Long> clientIds) {
        return clientIds.isEmpty() ? Flux.empty() : clients.findByIds(brandId, clientIds);
    }
}
