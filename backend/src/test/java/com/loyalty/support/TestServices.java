package com.loyalty.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.config.Config;

/**
 * Gives each test run its own Postgres database and Redis key prefix on the local services,
 * and removes both when the run ends. Registered as a JUnit launcher session listener.
 */
public class TestServices implements LauncherSessionListener {

    private static final String HOST = System.getenv().getOrDefault("DB_HOST", "127.0.0.1");
    private static final String PORT = System.getenv().getOrDefault("DB_PORT", "5432");
    private static final String USER = System.getenv().getOrDefault("DB_USER", "postgres");
    private static final String REDIS = "redis://" + System.getenv().getOrDefault("REDIS_HOST", "127.0.0.1") + ":"
            + System.getenv().getOrDefault("REDIS_PORT", "6379");

    private String database;
    private String keyPrefix;

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        String run = UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        database = "loyalty_test_" + run;
        keyPrefix = "loyalty-test-" + run + ":";
        execute("create database " + database);
        System.setProperty("spring.r2dbc.url", "r2dbc:postgresql://" + HOST + ":" + PORT + "/" + database);
        System.setProperty("spring.flyway.url", "jdbc:postgresql://" + HOST + ":" + PORT + "/" + database);
        System.setProperty("loyalty.redis.key-prefix", keyPrefix);
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        if (database == null) {
            return;
        }
        dropDatabase();
        Config config = new Config();
        config.useSingleServer().setAddress(REDIS);
        RedissonClient redis = Redisson.create(config);
        try {
            redis.getKeys().deleteByPattern(keyPrefix + "*");
        } finally {
            redis.shutdown();
        }
    }

    /**
     * Drops the run's database. The other test JVM may still hold many connections, so a server at
     * its connection limit is asked again for a while; cleaning up never fails a run that passed.
     */
    private void dropDatabase() {
        for (int attempt = 1; ; attempt++) {
            try {
                execute("drop database if exists " + database + " with (force)");
                return;
            } catch (IllegalStateException e) {
                if (attempt >= 30) {
                    System.err.println("warning: test database " + database + " was left behind: " + e.getCause());
                    return;
                }
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private static void execute(String sql) {
        String url = "jdbc:postgresql://" + HOST + ":" + PORT + "/postgres";
        try (Connection c = DriverManager.getConnection(url, USER, System.getenv("DB_PASSWORD"));
             Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Test database setup failed (is Postgres up? run scripts/services): " + sql, e);
        }
    }
}
