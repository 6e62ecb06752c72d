package com.loyalty.shared.graphql;

import graphql.ExecutionResult;
import graphql.execution.AbortExecutionException;
import graphql.execution.ExecutionContext;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * At most one sign-in mutation ({@code login}, {@code staffLogin}) per request, counted through
 * aliases, fragments and inline fragments, whatever {@code @skip}/{@code @include} say: each one
 * costs a password hash or a WeChat call, so twenty aliases would be twenty guesses for the price
 * of one request. A document with more is refused before any field runs.
 */
@Component
class SignInFieldLimit extends SimplePerformantInstrumentation {

    static final Set<String> SIGN_IN_FIELDS = Set.of("login", "staffLogin");

    @Override
    public InstrumentationContext<ExecutionResult> beginExecuteOperation(InstrumentationExecuteOperationParameters parameters,
                                                                         InstrumentationState state) {
        ExecutionContext context = parameters.getExecutionContext();
        if (context.isMutationOperation()
                && signIns(context.getOperationDefinition().getSelectionSet(), context) > 1) {
            throw new AbortExecutionException(
                    "A request may contain at most one sign-in (login or staffLogin); send each sign-in on its own");
        }
        return super.beginExecuteOperation(parameters, state);
    }

    private static int signIns(SelectionSet selections, ExecutionContext context) {
        int count = 0;
        for (Selection<?> selection : selections.getSelections()) {
            if (selection instanceof Field field) {
                count += SIGN_IN_FIELDS.contains(field.getName()) ? 1 : 0;
            } else if (selection instanceof InlineFragment inline) {
                count += signIns(inline.getSelectionSet(), context);
            } else if (selection instanceof FragmentSpread spread) {
                FragmentDefinition fragment = context.getFragment(spread.getName());
                count += fragment == null ? 0 : signIns(fragment.getSelectionSet(), context);
            }
        }
        return count;
    }
}
