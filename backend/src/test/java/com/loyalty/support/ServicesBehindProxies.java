package com.loyalty.support;

import org.junit.jupiter.api.AfterEach;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the tests that take Postgres or Redis away from the backend: it reaches both through
 * proxies on 127.0.0.1 ({@link TcpProxy}) that a test cuts and restores, and both are back after
 * every test. The outage tests share this one application context.
 */
public abstract class ServicesBehindProxies extends IntegrationTest {

    protected static final TcpProxy postgres = new TcpProxy(Integer.parseInt(System.getenv().getOrDefault("DB_PORT", "5432")));
    protected static final TcpProxy redis = new TcpProxy(Integer.parseInt(System.getenv().getOrDefault("REDIS_PORT", "6379")));

    @DynamicPropertySource
    static void servicesThroughTheProxies(DynamicPropertyRegistry registry) {
        String url = System.getProperty("spring.r2dbc.url");
        String database = url.substring(url.lastIndexOf('/') + 1);
        registry.add("spring.r2dbc.url", () -> "r2dbc:postgresql://127.0.0.1:" + postgres.port() + "/" + database);
        registry.add("spring.data.redis.port", redis::port);
    }

    @AfterEach
    void servicesBack() {
        postgres.restore();
        redis.restore();
    }
}
