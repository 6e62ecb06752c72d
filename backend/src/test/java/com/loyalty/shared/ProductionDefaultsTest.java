package com.loyalty.shared;

import com.loyalty.support.IntegrationTest;
import org.junit.jupiter.api.Test;

/** What a deployment without the dev profile exposes. */
class ProductionDefaultsTest extends IntegrationTest {

    @Test
    void healthReportsPostgresAndRedis() {
        http().get().uri("/actuator/health").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.status").isEqualTo("UP")
                .jsonPath("$.components.r2dbc.status").isEqualTo("UP")
                .jsonPath("$.components.redis.status").isEqualTo("UP");
    }

    @Test
    void healthDetailsAreHiddenInProduction() {
        http().get().uri("/actuator/health").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.components.r2dbc.status").isEqualTo("UP")
                .jsonPath("$.components.r2dbc.details").doesNotExist()
                .jsonPath("$.components.redis.details").doesNotExist();
    }

    @Test
    void healthDetailsStayVisibleInDev() throws java.io.IOException {
        var dev = new org.springframework.boot.env.YamlPropertySourceLoader()
                .load("dev", new org.springframework.core.io.ClassPathResource("application-dev.yml")).get(0);

        org.assertj.core.api.Assertions.assertThat(dev.getProperty("management.endpoint.health.show-details"))
                .hasToString("always");
    }

    @Test
    void graphiqlIsOffByDefault() {
        http().get().uri("/graphiql").exchange().expectStatus().isNotFound();
    }

    @Test
    void introspectionIsOffByDefault() {
        anonymous().document("{ __schema { queryType { name } } }").execute()
                .errors().expect(e -> true).verify()
                .path("__schema").pathDoesNotExist();
    }

    /** Its own depth limit lets GraphiQL's introspection query past the depth check, not past the switch. */
    @Test
    void graphiqlsIntrospectionQueryIsRefusedWhenIntrospectionIsOff() {
        anonymous().documentName("graphiqlIntrospection").operationName("IntrospectionQuery").execute()
                .errors().expect(e -> e.getMessage().contains("Introspection has been disabled")).verify()
                .path("__schema").pathDoesNotExist();
    }

    @Test
    void otherActuatorEndpointsAreClosed() {
        http().get().uri("/actuator/env").exchange().expectStatus().value(status ->
                org.assertj.core.api.Assertions.assertThat(status).isIn(401, 403, 404));
    }
}
