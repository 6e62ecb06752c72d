package com.loyalty.shared.graphql;

import graphql.GraphQLContext;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.dataloader.DataLoader;
import org.dataloader.DataLoaderRegistry;
import org.dataloader.instrumentation.DataLoaderInstrumentation;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.ExecutionGraphQlRequest;
import org.springframework.graphql.ExecutionGraphQlResponse;
import org.springframework.graphql.ExecutionGraphQlService;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.graphql.execution.DefaultExecutionGraphQlService;
import org.springframework.graphql.execution.GraphQlSource;
import reactor.core.publisher.Mono;

/**
 * Each request gets only the data loaders its fields use, made when a field first asks for one.
 *
 * <p>Spring for GraphQL makes every registered loader ({@code @BatchMapping} and the modules' own)
 * for every request, and graphql-java then dispatches all of them after each level of the query.
 * With 49 loaders that was a cost per request and per level that grew with every module, paid
 * even by {@code { __typename }}; a request now makes and dispatches the two or three it needs.
 * The loaders behave as before: each is new for its request, with the request's context (the
 * signed-in viewer) for its batch function, and with the options it was registered with.
 */
@Configuration(proxyBeanMethods = false)
class LazyDataLoaders {

    /** Spring Boot's service, whose loaders come from {@link LazyDataLoaderRegistry} instead of all up front. */
    @Bean
    ExecutionGraphQlService executionGraphQlService(GraphQlSource source, BatchLoaderRegistry loaders) {
        return new LazyLoadingService(new DefaultExecutionGraphQlService(source), source, loaders);
    }

    static final class LazyLoadingService implements ExecutionGraphQlService {

        private final ExecutionGraphQlService delegate;
        private final GraphQlSource source;
        private final BatchLoaderRegistry loaders;
        /** One loader of each name, never used: the pattern each request's loader is copied from. */
        private volatile Map<String, DataLoader<?, ?>> patterns;

        LazyLoadingService(ExecutionGraphQlService delegate, GraphQlSource source, BatchLoaderRegistry loaders) {
            this.delegate = delegate;
            this.source = source;
            this.loaders = loaders;
        }

        @Override
        public Mono<ExecutionGraphQlResponse> execute(ExecutionGraphQlRequest request) {
            request.configureExecutionInput((input, builder) -> builder
                    .dataLoaderRegistry(new LazyDataLoaderRegistry(patterns(), input.getGraphQLContext())).build());
            return delegate.execute(request);
        }

        /**
         * Read once, at the first request, after the schema is built: the controllers' batch mappings
         * are registered while it is wired.
         */
        private Map<String, DataLoader<?, ?>> patterns() {
            Map<String, DataLoader<?, ?>> known = patterns;
            if (known == null) {
                source.graphQl();
                DataLoaderRegistry all = new DataLoaderRegistry();
                loaders.registerDataLoaders(all, GraphQLContext.newContext().build());
                known = Map.copyOf(all.getDataLoadersMap());
                patterns = known;
            }
            return known;
        }
    }

    /** A request's loaders, each made from its pattern when first asked for by name. */
    static final class LazyDataLoaderRegistry extends DataLoaderRegistry {

        private final Map<String, DataLoader<?, ?>> patterns;
        private final GraphQLContext context;

        LazyDataLoaderRegistry(Map<String, DataLoader<?, ?>> patterns, GraphQLContext context) {
            this(patterns, context, null);
        }

        private LazyDataLoaderRegistry(Map<String, DataLoader<?, ?>> patterns, GraphQLContext context,
                                       DataLoaderInstrumentation instrumentation) {
            super(new ConcurrentHashMap<>(), instrumentation);
            this.patterns = patterns;
            this.context = context;
        }

        /** The same registry, whose loaders report their batches to {@code instrumentation} (before any is made). */
        LazyDataLoaderRegistry instrumentedBy(DataLoaderInstrumentation instrumentation) {
            return new LazyDataLoaderRegistry(patterns, context, instrumentation);
        }

        @Override
        @SuppressWarnings("unchecked")
        public <K, V> DataLoader<K, V> getDataLoader(String key) {
            DataLoader<?, ?> made = dataLoaders.get(key);
            if (made == null) {
                DataLoader<?, ?> pattern = patterns.get(key);
                if (pattern == null) {
                    return null;
                }
                return computeIfAbsent(key, name -> forThisRequest(pattern));
            }
            return (DataLoader<K, V>) made;
        }

        private DataLoader<?, ?> forThisRequest(DataLoader<?, ?> pattern) {
            return pattern.transform(builder -> builder.options(pattern.getOptions()
                    .transform(options -> options.setBatchLoaderContextProvider(() -> context))));
        }
    }
}
