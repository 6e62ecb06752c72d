package com.loyalty.audit;

import com.loyalty.shared.security.Viewer;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.OperationDefinition;
import graphql.parser.Parser;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.util.context.ContextView;

/**
 * Every GraphQL call of a machine client (API client) leaves at least one entry in the audit trail
 * naming the client. The fields a client reaches record what they did with their target (a purchase:
 * RECORD_PURCHASE; reads: CLIENT_READ_ORDERS, CLIENT_READ_MEMBER, CLIENT_READ_COUPONS; a refused
 * member code: REFUSED_MEMBER_CODE). A call that recorded nothing (a field refused to the client, an
 * invalid document, {@code __typename}, a field open to anyone) is recorded here, once, as
 * {@value #CLIENT_CALL} with the root fields it asked for and the error codes it got. One entry per
 * call, however often the same read is repeated: the client's request rate limit bounds them.
 */
@Component
class ClientCallAudit implements WebGraphQlInterceptor {

    static final String CLIENT_CALL = "CLIENT_CALL";
    private static final Logger log = LoggerFactory.getLogger(ClientCallAudit.class);
    private static final int DETAIL_MAX = 300;

    private final StaffAuditLog audit;

    ClientCallAudit(StaffAuditLog audit) {
        this.audit = audit;
    }

    /** Whether the call being served recorded an audit entry; in the Reactor context of a client's call. */
    static final class Recorded {
        private final AtomicBoolean any = new AtomicBoolean();
    }

    /** Notes that the call being served (if a client's) has recorded an audit entry. */
    static void noteRecorded(ContextView context) {
        context.getOrEmpty(Recorded.class).ifPresent(recorded -> ((Recorded) recorded).any.set(true));
    }

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        return ReactiveSecurityContextHolder.getContext()
                .map(SecurityContext::getAuthentication)
                .map(Authentication::getPrincipal)
                .filter(principal -> principal instanceof Viewer viewer && viewer.isClient())
                .map(principal -> Optional.of((Viewer) principal))
                .defaultIfEmpty(Optional.empty())
                .flatMap(client -> client.isEmpty() ? chain.next(request) : audited(client.get(), request, chain));
    }

    private Mono<WebGraphQlResponse> audited(Viewer client, WebGraphQlRequest request, Chain chain) {
        Recorded recorded = new Recorded();
        return chain.next(request)
                .contextWrite(context -> context.put(Recorded.class, recorded))
                .flatMap(response -> recorded.any.get() ? Mono.just(response)
                        : audit.record(client, null, CLIENT_CALL, null, describe(request, response))
                                .onErrorResume(e -> {
                                    log.warn("could not audit a call of API client {}: {}", client.id(), e.toString());
                                    return Mono.empty();
                                })
                                .thenReturn(response));
    }

    /** The operation and its root fields, e.g. {@code query storeOrders}, and the error codes it answered. */
    static String describe(WebGraphQlRequest request, WebGraphQlResponse response) {
        String call = rootFields(request.getDocument(), request.getOperationName());
        List<String> codes = response.getErrors().stream().map(ClientCallAudit::code).filter(Objects::nonNull)
                .distinct().toList();
        String detail = codes.isEmpty() ? call : call + ": " + String.join(", ", codes);
        return detail.length() <= DETAIL_MAX ? detail : detail.substring(0, DETAIL_MAX - 1) + "…";
    }

    private static String rootFields(String document, String operationName) {
        try {
            Document parsed = Parser.parse(document);
            return parsed.getDefinitionsOfType(OperationDefinition.class).stream()
                    .filter(op -> operationName == null || operationName.equals(op.getName()))
                    .findFirst()
                    .map(op -> op.getOperation().name().toLowerCase() + " " + op.getSelectionSet()
                            .getSelectionsOfType(Field.class).stream().map(Field::getName).distinct()
                            .collect(Collectors.joining(", ")))
                    .orElse("no operation");
        } catch (RuntimeException e) {
            return "a document that could not be read";
        }
    }

    private static String code(ResponseError error) {
        Object code = error.getExtensions().get("code");
        return code != null ? code.toString() : error.getErrorType() == null ? null : error.getErrorType().toString();
    }
}
