package com.loyalty.shared.graphql;

import graphql.ExecutionResult;
import graphql.analysis.MaxQueryComplexityInstrumentation;
import graphql.execution.instrumentation.ChainedInstrumentation;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.language.Directive;
import graphql.language.Node;
import graphql.language.OperationDefinition;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * The depth limit ({@link QueryDepthLimit}) and the complexity limit, each operation measured once.
 *
 * <p>Both walk the whole operation through its fragments on every request, which was 4% of the
 * CPU of the member's card ({@code me}). Their answer depends only on the operation, unless
 * {@code @skip} or {@code @include} decide with the request's variables which fields count. So an
 * operation of a kept document ({@link DocumentCache}: the same parsed operation object on every
 * request) that passed both limits and has no such directive is not measured again. An operation
 * that failed is measured every time (and fails every time). Remembered operations are held
 * weakly: an operation of a document that is not kept is forgotten with its document.
 */
final class OperationLimits extends ChainedInstrumentation {

    private static final List<String> CONDITIONS = List.of("skip", "include");

    private final Map<OperationDefinition, Boolean> passed = new WeakHashMap<>();

    OperationLimits(GraphQlLimitsProperties limits) {
        super(new QueryDepthLimit(limits.maxDepth(), limits.introspectionMaxDepth()),
                new MaxQueryComplexityInstrumentation(limits.maxComplexity()));
    }

    @Override
    public InstrumentationContext<ExecutionResult> beginExecuteOperation(
            InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
        OperationDefinition operation = parameters.getExecutionContext().getOperationDefinition();
        if (remembered(operation)) {
            return SimpleInstrumentationContext.noOp();
        }
        InstrumentationContext<ExecutionResult> context = super.beginExecuteOperation(parameters, state);
        // reached only when neither limit refused the operation (each refuses by throwing)
        if (!hasCondition(parameters.getExecutionContext().getDocument())) {
            remember(operation);
        }
        return context;
    }

    private boolean remembered(OperationDefinition operation) {
        synchronized (passed) {
            return passed.containsKey(operation);
        }
    }

    private void remember(OperationDefinition operation) {
        synchronized (passed) {
            passed.put(operation, Boolean.TRUE);
        }
    }

    /** Whether any operation or fragment of the document uses {@code @skip} or {@code @include}. */
    private static boolean hasCondition(Node<?> node) {
        if (node instanceof Directive directive && CONDITIONS.contains(directive.getName())) {
            return true;
        }
        for (Node<?> child : node.getChildren()) {
            if (hasCondition(child)) {
                return true;
            }
        }
        return false;
    }

    /** How many operations are remembered (tests). */
    int rememberedCount() {
        synchronized (passed) {
            return passed.size();
        }
    }
}
