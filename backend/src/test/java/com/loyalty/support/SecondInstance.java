package com.loyalty.support;

import com.loyalty.LoyaltyApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A second backend on the run's Postgres database and Redis prefix, started once for the tests
 * that need two instances. It closes with the JVM: closing it earlier would release Reactor
 * Netty's shared resources under the first one.
 */
public final class SecondInstance {

    private static ConfigurableApplicationContext context;

    private SecondInstance() {
    }

    public static synchronized ConfigurableApplicationContext get() {
        if (context == null) {
            context = new SpringApplicationBuilder(LoyaltyApplication.class, IntegrationTest.TestBeans.class).profiles("test").run("--server.port=0");
        }
        return context;
    }

    public static int port() {
        return Integer.parseInt(get().getEnvironment().getProperty("local.server.port"));
    }

    public static <T> T bean(Class<T> type) {
        return get().getBean(type);
    }
}
