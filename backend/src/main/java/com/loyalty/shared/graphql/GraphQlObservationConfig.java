package com.loyalty.shared.graphql;

import graphql.ExecutionInput;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.schema.DataFetcher;
import io.micrometer.context.ContextSnapshotFactory;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import org.dataloader.instrumentation.DataLoaderInstrumentation;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.ExecutionGraphQlService;
import org.springframework.graphql.observation.GraphQlObservationInstrumentation;
import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.graphql.server.WebGraphQlInterceptor;

/**
 * What a GraphQL request costs for observability: each request is observed (the
 * {@code graphql.request} timer, with {@code http.server.requests}, both on /actuator/prometheus),
 * each data loader batch too ({@code graphql.dataloader}), but not each field, and the current
 * observation is not handed to every field's resolver.
 *
 * <p>Measured with bench/ (docs/performance.md): a timer per resolved field cost more than
 * resolving most fields, and making the request's observation current around each resolver (a
 * thread-local scope opened and closed per field) was a few percent of a read's CPU. No tracer is
 * configured, so nothing reads that observation inside a resolver; metrics do not need it.
 */
@Configuration(proxyBeanMethods = false)
class GraphQlObservationConfig {

    /**
     * Spring Boot's instrumentation, without the observation of each field; data loader batches are
     * observed through the request's {@link LazyDataLoaders} registry instead of a copy of it.
     */
    @Bean
    GraphQlObservationInstrumentation graphQlObservationInstrumentation(ObservationRegistry registry) {
        return new GraphQlObservationInstrumentation(registry) {

            private volatile DataLoaderInstrumentation batches;

            @Override
            public DataFetcher<?> instrumentDataFetcher(DataFetcher<?> fetcher, InstrumentationFieldFetchParameters parameters,
                                                        InstrumentationState state) {
                return fetcher;
            }

            @Override
            public ExecutionInput instrumentExecutionInput(ExecutionInput input, InstrumentationExecutionParameters parameters,
                                                           InstrumentationState state) {
                if (!(input.getDataLoaderRegistry() instanceof LazyDataLoaders.LazyDataLoaderRegistry lazy)) {
                    return super.instrumentExecutionInput(input, parameters, state);
                }
                if (batches == null) { // Spring's observation of batches, the same for every request
                    batches = super.instrumentExecutionInput(ExecutionInput.newExecutionInput("{ __typename }").build(),
                            parameters, state).getDataLoaderRegistry().getInstrumentation();
                }
                return input.transform(builder -> builder.dataLoaderRegistry(lazy.instrumentedBy(batches)));
            }
        };
    }

    /**
     * Spring Boot's handler, whose resolvers get the request's Reactor context (the signed-in
     * viewer, the request id) but not the current observation.
     */
    @Bean
    WebGraphQlHandler webGraphQlHandler(ExecutionGraphQlService service, ObjectProvider<WebGraphQlInterceptor> interceptors) {
        return WebGraphQlHandler.builder(service)
                .interceptors(interceptors.orderedStream().toList())
                .contextSnapshotFactory(ContextSnapshotFactory.builder()
                        .captureKeyPredicate(key -> !ObservationThreadLocalAccessor.KEY.equals(key))
                        .build())
                .build();
    }
}
