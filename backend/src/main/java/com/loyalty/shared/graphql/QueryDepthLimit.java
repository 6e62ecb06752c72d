package com.loyalty.shared.graphql;

import graphql.ExecutionResult;
import graphql.analysis.MaxQueryDepthInstrumentation;
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
import java.util.HashSet;
import java.util.Set;

/**
 * The query depth limit, with a second limit for operations that only introspect.
 *
 * <p>An operation whose every root field is {@code __schema}, {@code __type} or {@code __typename}
 * can reach nothing but the schema's description, and the standard introspection query (the one
 * GraphiQL sends, from graphql-js) unwraps type references seven {@code ofType}s deep: 13 levels.
 * Such operations get {@code introspectionMaxDepth}; every other operation, including one that
 * mixes introspection with ordinary fields, keeps {@code maxDepth}. Whether introspection is
 * allowed at all is decided elsewhere ({@code loyalty.graphql.introspection}).
 */
final class QueryDepthLimit extends SimplePerformantInstrumentation {

    private static final Set<String> INTROSPECTION_ROOT_FIELDS = Set.of("__schema", "__type", "__typename");

    private final MaxQueryDepthInstrumentation ordinary;
    private final MaxQueryDepthInstrumentation introspection;

    QueryDepthLimit(int maxDepth, int introspectionMaxDepth) {
        this.ordinary = new MaxQueryDepthInstrumentation(maxDepth);
        this.introspection = new MaxQueryDepthInstrumentation(introspectionMaxDepth);
    }

    @Override
    public InstrumentationContext<ExecutionResult> beginExecuteOperation(
            InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
        ExecutionContext execution = parameters.getExecutionContext();
        MaxQueryDepthInstrumentation limit = onlyIntrospects(execution) ? introspection : ordinary;
        return limit.beginExecuteOperation(parameters, state);
    }

    /** Whether every root field of the operation, through fragments, is an introspection field. */
    private static boolean onlyIntrospects(ExecutionContext execution) {
        return onlyIntrospects(execution.getOperationDefinition().getSelectionSet(), execution, new HashSet<>());
    }

    private static boolean onlyIntrospects(SelectionSet selections, ExecutionContext execution, Set<String> seen) {
        if (selections == null) {
            return true;
        }
        for (Selection<?> selection : selections.getSelections()) {
            if (!onlyIntrospects(selection, execution, seen)) {
                return false;
            }
        }
        return true;
    }

    private static boolean onlyIntrospects(Selection<?> selection, ExecutionContext execution, Set<String> seen) {
        if (selection instanceof Field field) {
            return INTROSPECTION_ROOT_FIELDS.contains(field.getName());
        }
        if (selection instanceof InlineFragment inline) {
            return onlyIntrospects(inline.getSelectionSet(), execution, seen);
        }
        if (selection instanceof FragmentSpread spread) {
            FragmentDefinition fragment = execution.getFragmentsByName().get(spread.getName());
            // validation has refused unknown and cyclic fragments; a repeated spread adds nothing new
            return fragment != null && (!seen.add(spread.getName())
                    || onlyIntrospects(fragment.getSelectionSet(), execution, seen));
        }
        return false;
    }
}
