package com.loyalty.client;

import com.loyalty.audit.AuditedChange;
import com.loyalty.audit.StaffAuditLog;
import com.loyalty.shared.graphql.BusinessException;
import com.loyalty.shared.graphql.ErrorCode;
import com.loyalty.shared.graphql.Pages;
import com.loyalty.shared.graphql.UserError;
import com.loyalty.shared.security.Viewer;
import com.loyalty.store.StoreService;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * An admin's management of the brand's machine clients: list, create (its secret shown once),
 * change name, scopes and stores, rotate the secret (the previous one keeps working for the grace
 * period), revoke. Every change is audited; a change of scopes or stores, and a revocation, end the
 * client's access tokens at once (it asks for a new token, which carries what it may do now).
 */
@Service
class ApiClientService {

    static final String SUBJECT = "API_CLIENT";
    private static final int NAME_MAX = 64;
    private static final int STORES_MAX = 200;
    private static final int REASON_MAX = 200;

    private final ApiClientRepository clients;
    private final ClientTokens tokens;
    private final StoreService stores;
    private final StaffAuditLog audit;
    private final ApiClientProperties properties;
    private final TransactionalOperator tx;
    private final Clock clock;

    ApiClientService(ApiClientRepository clients, ClientTokens tokens, StoreService stores, StaffAuditLog audit,
                     ApiClientProperties properties, TransactionalOperator tx, Clock clock) {
        this.clients = clients;
        this.tokens = tokens;
        this.stores = stores;
        this.audit = audit;
        this.properties = properties;
        this.tx = tx;
        this.clock = clock;
    }

    Mono<Pages.Page<ApiClientDetail>> page(Viewer admin, ApiClientFilter filter, Integer first, String after) {
        ApiClientFilter f = filter == null ? ApiClientFilter.ALL : filter;
        int size = Pages.size(first);
        Long before = Pages.after(after, "api-client");
        return clients.page(admin.brandId(), f, before, size + 1).collectList()
                .zipWith(clients.count(admin.brandId(), f),
                        (rows, total) -> Pages.of(rows, size, ApiClientDetail::id, "api-client", after != null, total));
    }

    Mono<ApiClientDetail> find(Viewer admin, long id) {
        return clients.detail(admin.brandId(), id);
    }

    Mono<ApiClientSecretPayload> create(Viewer admin, CreateApiClientInput in) {
        String name = name(in.name(), "name");
        if (in.kind() == null) {
            return Mono.error(BusinessException.invalid("kind", "请选择客户端类型"));
        }
        List<String> scopes = scopes(in.scopes());
        ClientTokens.NewSecret secret = ClientTokens.newSecret();
        Instant now = clock.instant();
        return storeIds(admin, in.storeIds())
                .flatMap(storeIds -> clients.insert(admin.brandId(), name, in.kind(), scopes, storeIds, admin.staffId())
                        .switchIfEmpty(Mono.error(() -> nameTaken()))
                        .flatMap(id -> clients.insertSecret(id, secret.hash(), admin.staffId(), now).thenReturn(id))
                        .flatMap(id -> clients.detail(admin.brandId(), id))
                        .flatMap(created -> audit.recordChange(admin, null, "CREATE_API_CLIENT",
                                AuditedChange.created(SUBJECT, created.id(), audited(created)), null).thenReturn(created))
                        .as(tx::transactional))
                .map(created -> ApiClientSecretPayload.of(created, secret.secret()));
    }

    Mono<ApiClientPayload> update(Viewer admin, UpdateApiClientInput in) {
        long id = id(in.id());
        return active(admin, id).flatMap(before -> {
            String name = in.name() == null ? before.name() : name(in.name(), "name");
            List<String> scopes = in.scopes() == null ? before.scopes() : scopes(in.scopes());
            Mono<List<Long>> storeIds = in.storeIds() == null ? Mono.just(before.storeIds()) : storeIds(admin, in.storeIds());
            return storeIds.flatMap(chosen -> clients.nameTaken(admin.brandId(), name, id)
                    .flatMap(taken -> taken ? Mono.error(nameTaken())
                            : clients.update(admin.brandId(), id, name, scopes, chosen, clock.instant()))
                    .flatMap(updated -> updated ? clients.detail(admin.brandId(), id) : Mono.error(revoked()))
                    .flatMap(after -> audit.recordChange(admin, null, "UPDATE_API_CLIENT",
                            AuditedChange.changed(SUBJECT, id, audited(before), audited(after)), null).thenReturn(after))
                    .as(tx::transactional)
                    .flatMap(after -> grantChanged(before, after)
                            ? clients.secretIds(id).collectList().flatMap(tokens::endTokens).thenReturn(after)
                            : Mono.just(after)));
        }).map(ApiClientPayload::of);
    }

    Mono<ApiClientSecretPayload> rotate(Viewer admin, ApiClientIdInput in) {
        long id = id(in.id());
        String reason = reason(in.reason());
        ClientTokens.NewSecret secret = ClientTokens.newSecret();
        Instant now = clock.instant();
        return active(admin, id)
                .flatMap(before -> clients.endSecretsBy(id, now.plus(properties.rotationGrace()), now).collectList()
                        .flatMap(previous -> clients.insertSecret(id, secret.hash(), admin.staffId(), now)
                                .then(clients.detail(admin.brandId(), id))
                                .flatMap(after -> audit.recordChange(admin, null, "ROTATE_API_CLIENT_SECRET",
                                        AuditedChange.changed(SUBJECT, id, Map.of("secrets", previous.size()),
                                                Map.of("previousSecretExpiresAt", String.valueOf(
                                                        after.previousSecretExpiresAt()))), reason)
                                        .thenReturn(after))
                                .as(tx::transactional)
                                .flatMap(after -> tokens.endTokensWithin(previous, properties.rotationGrace())
                                        .thenReturn(after))))
                .map(after -> ApiClientSecretPayload.of(after, secret.secret()));
    }

    Mono<ApiClientPayload> revoke(Viewer admin, ApiClientIdInput in) {
        long id = id(in.id());
        String reason = reason(in.reason());
        return active(admin, id)
                .flatMap(before -> clients.revoke(admin.brandId(), id, clock.instant())
                        .flatMap(done -> done ? clients.detail(admin.brandId(), id) : Mono.error(revoked()))
                        .flatMap(after -> audit.recordChange(admin, null, "REVOKE_API_CLIENT",
                                AuditedChange.changed(SUBJECT, id, audited(before), audited(after)), reason)
                                .thenReturn(after))
                        .as(tx::transactional))
                .flatMap(after -> clients.secretIds(id).collectList().flatMap(tokens::endTokens).thenReturn(after))
                .map(ApiClientPayload::of);
    }

    private Mono<ApiClientDetail> active(Viewer admin, long id) {
        return clients.detail(admin.brandId(), id)
                .switchIfEmpty(Mono.error(() -> new BusinessException(UserError.onInput("id",
                        ErrorCode.API_CLIENT_NOT_FOUND, "API 客户端不存在"))))
                .flatMap(found -> found.status() == ApiClientStatus.ACTIVE ? Mono.just(found) : Mono.error(revoked()));
    }

    private static boolean grantChanged(ApiClientDetail before, ApiClientDetail after) {
        return !new LinkedHashSet<>(before.scopes()).equals(new LinkedHashSet<>(after.scopes()))
                || !new LinkedHashSet<>(before.storeIds()).equals(new LinkedHashSet<>(after.storeIds()));
    }

    /** What the audit trail keeps of a client. */
    private static Map<String, Object> audited(ApiClientDetail client) {
        return Map.of("name", client.name(), "kind", client.kind().name(), "status", client.status().name(),
                "scopes", client.scopes(), "storeIds", client.storeIds());
    }

    private static long id(Long id) {
        if (id == null || id <= 0) {
            throw new BusinessException(UserError.onInput("id", ErrorCode.API_CLIENT_NOT_FOUND, "API 客户端不存在"));
        }
        return id;
    }

    private static String name(String raw, String field) {
        String name = raw == null ? "" : raw.strip();
        if (name.isEmpty() || name.length() > NAME_MAX) {
            throw BusinessException.invalid(field, "名称为 1 到 " + NAME_MAX + " 个字符");
        }
        return name;
    }

    private static String reason(String raw) {
        String reason = raw == null || raw.isBlank() ? null : raw.strip();
        if (reason != null && reason.length() > REASON_MAX) {
            throw BusinessException.invalid("reason", "原因不能超过 " + REASON_MAX + " 个字符");
        }
        return reason;
    }

    private static List<String> scopes(List<String> raw) {
        if (raw == null || raw.isEmpty()) {
            throw BusinessException.invalid("scopes", "请至少选择一项权限");
        }
        List<String> scopes = new ArrayList<>(new LinkedHashSet<>(raw));
        for (String scope : scopes) {
            if (!ApiClientScopes.known(scope)) {
                throw BusinessException.invalid("scopes", "未知的权限：" + (scope.length() > 40 ? scope.substring(0, 40) : scope));
            }
        }
        return scopes;
    }

    /** The stores, each an open or closed store of the brand; none: every store. */
    private Mono<List<Long>> storeIds(Viewer admin, List<Long> raw) {
        if (raw == null || raw.isEmpty()) {
            return Mono.just(List.of());
        }
        List<Long> ids = new ArrayList<>(new LinkedHashSet<>(raw));
        if (ids.size() > STORES_MAX) {
            return Mono.error(BusinessException.invalid("storeIds", "门店不能超过 " + STORES_MAX + " 家"));
        }
        return Flux.fromIterable(ids).concatMap(id -> stores.require(admin.brandId(), id, "storeIds")).then(Mono.just(ids));
    }

    private static BusinessException nameTaken() {
        return new BusinessException(UserError.onInput("name", ErrorCode.API_CLIENT_NAME_TAKEN, "已有同名的 API 客户端"));
    }

    private static BusinessException revoked() {
        return new BusinessException(UserError.onInput("id", ErrorCode.API_CLIENT_REVOKED, "API 客户端已吊销，不能再修改"));
    }
}
