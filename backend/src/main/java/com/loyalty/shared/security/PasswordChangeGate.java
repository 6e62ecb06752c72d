package com.loyalty.shared.security;

import com.loyalty.shared.graphql.BusinessException;
import com.loyalty.shared.graphql.ErrorCode;
import com.loyalty.shared.graphql.UserError;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.schema.DataFetcher;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * After an admin or a store manager reset a staff member's password, the account signs in with the
 * temporary one and gets a token marked "must change the password" (claim {@code pwc}, set by the
 * auth module from the account's flag at sign-in and at every refresh). With such a token every
 * root field other than {@link #ALLOWED} answers PASSWORD_CHANGE_REQUIRED before its resolver runs:
 * a mutation whose payload has {@code userErrors} as a user error, anything else as a GraphQL error
 * with {@code extensions.code}. {@code changeMyPassword} clears the flag and hands out new tokens.
 *
 * <p>The request is marked here (HTTP: from the authentication's {@link #AUTHORITY}) or by
 * {@link WebSocketAuthentication} (graphql-ws), in the GraphQL context under {@link #KEY}.
 */
@Component
class PasswordChangeGate extends SimplePerformantInstrumentation implements WebGraphQlInterceptor {

    /** The extra authority of a token that must change its password first. */
    static final String AUTHORITY = "PASSWORD_CHANGE_REQUIRED";
    static final String KEY = PasswordChangeGate.class.getName();
    /** What such a token may still do: change the password, see who it is, end or refresh its sign-ins. */
    static final Set<String> ALLOWED = Set.of("changeMyPassword", "currentStaff", "logout", "refreshSession",
            "endMySessions", "staffLogin", "login");
    private static final String MESSAGE = "密码已被重置，请先修改密码";

    /** Marks the request as coming from a token that must change its password first. */
    static void mark(WebGraphQlRequest request) {
        request.configureExecutionInput((input, builder) -> builder.graphQLContext(Map.of(KEY, true)).build());
    }

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        return ReactiveSecurityContextHolder.getContext()
                .map(SecurityContext::getAuthentication)
                .filter(auth -> auth.getAuthorities().stream().anyMatch(a -> AUTHORITY.equals(a.getAuthority())))
                .hasElement()
                .flatMap(required -> {
                    if (required) {
                        mark(request);
                    }
                    return chain.next(request);
                });
    }

    @Override
    public DataFetcher<?> instrumentDataFetcher(DataFetcher<?> fetcher, InstrumentationFieldFetchParameters parameters,
                                                InstrumentationState state) {
        if (parameters.getExecutionStepInfo().getPath().getLevel() != 1
                || !Boolean.TRUE.equals(parameters.getEnvironment().getGraphQlContext().get(KEY))) {
            return fetcher;
        }
        GraphQLFieldDefinition field = parameters.getExecutionStepInfo().getFieldDefinition();
        if (ALLOWED.contains(field.getName()) || field.getName().startsWith("__")) {
            return fetcher;
        }
        GraphQLType type = GraphQLTypeUtil.unwrapAll(field.getType());
        boolean payload = "Mutation".equals(GraphQLTypeUtil.simplePrint(parameters.getExecutionStepInfo().getObjectType()))
                && type instanceof GraphQLObjectType object && object.getFieldDefinition("userErrors") != null;
        if (payload) {
            return environment -> Map.of("userErrors", List.of(UserError.of(ErrorCode.PASSWORD_CHANGE_REQUIRED, MESSAGE)));
        }
        return environment -> {
            throw new BusinessException(ErrorCode.PASSWORD_CHANGE_REQUIRED, MESSAGE);
        };
    }
}
