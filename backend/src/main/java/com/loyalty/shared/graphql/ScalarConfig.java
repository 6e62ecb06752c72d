package com.loyalty.shared.graphql;

import com.loyalty.shared.config.BrandProperties;
import graphql.scalars.ExtendedScalars;
import graphql.schema.GraphQLScalarType;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;

/** Wires the schema's DateTime (in the brand's zone), Date and Long scalars. */
@Configuration(proxyBeanMethods = false)
class ScalarConfig {

    @Bean
    RuntimeWiringConfigurer scalars(BrandProperties brand) {
        GraphQLScalarType dateTime = GraphQLScalarType.newScalar()
                .name("DateTime")
                .description("An instant as ISO-8601 with offset")
                .coercing(new DateTimeCoercing(brand.zone()))
                .build();
        return wiring -> wiring
                .scalar(dateTime)
                .scalar(GraphQLScalarType.newScalar()
                        .name("Date")
                        .description("A calendar day as ISO-8601, e.g. 2026-11-23")
                        .coercing(new DateCoercing())
                        .build())
                .scalar(ExtendedScalars.GraphQLLong);
    }
}
