package com.loyalty.dev.demo;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * A demo API client for POS developers (dev only): 徐汇店收银机, acting for 徐汇店 with
 * purchases:write, purchases:refund, coupons:redeem and members:read, client id 1 on a fresh database and the dev
 * secret {@value #DEV_SECRET} (docs/integration.md "Credentials"). Idempotent: skipped when the brand
 * has clients. A real deployment's clients are created by an admin, their secrets random.
 */
@Component
@Order(13)
@ConditionalOnProperty(name = "loyalty.demo-data", havingValue = "true")
public class DemoApiClients implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoApiClients.class);
    static final String DEV_SECRET = "lcs_dev-pos-secret-not-for-production";

    private final DatabaseClient db;

    public DemoApiClients(DatabaseClient db) {
        this.db = db;
    }

    @Override
    public void run(ApplicationArguments args) {
        db.sql("select count(*) as n from api_client").map(row -> row.get("n", Long.class)).one()
                .flatMap(n -> n > 0 ? Mono.<Void>empty() : create())
                .block(Duration.ofSeconds(30));
    }

    private Mono<Void> create() {
        return db.sql("""
                        with client as (
                            insert into api_client (brand_id, name, kind, scopes, store_ids)
                            select s.brand_id, '徐汇店收银机', 'POS',
                                   array['purchases:write', 'purchases:refund', 'coupons:redeem', 'members:read'], array[s.id]
                            from store s where s.name = '徐汇店' order by s.id limit 1
                            returning id)
                        insert into api_client_secret (client_id, secret_hash) select id, :hash from client
                        returning client_id
                        """)
                .bind("hash", sha256(DEV_SECRET))
                .map(row -> row.get("client_id", Long.class)).one()
                .doOnNext(id -> log.info("Demo API client ready: 徐汇店收银机, client_id {} and secret {}", id, DEV_SECRET))
                .then();
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
