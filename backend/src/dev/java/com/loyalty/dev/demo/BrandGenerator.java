package com.loyalty.dev.demo;

import io.r2dbc.spi.Readable;
import io.r2dbc.spi.RowMetadata;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.springframework.core.io.ClassPathResource;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Generates a brand's history in the database with {@code generate-brand.sql} (next to this class), in one
 * transaction: stores and staff, catalogue, members, orders with planted basket patterns and
 * guests, check-ins, points ledger with buckets and balances, tiers.
 */
@Component
public class BrandGenerator {

    private static final String SCRIPT = "com/loyalty/dev/demo/generate-brand.sql";

    private final DatabaseClient db;
    private final String script;

    public BrandGenerator(DatabaseClient db) {
        this.db = db;
        try {
            this.script = new ClassPathResource(SCRIPT).getContentAsString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * What to generate, into which brand. Members sign in with code {@code dev-<openidPrefix><n>}
     * (n from 1), staff are {@code clerk-<store>} and {@code manager-<store>} plus the suffix.
     */
    public record Settings(long brandId, int members, int orders, double guestShare, int stores, int days,
                           Instant now, ZoneId zone, int memberDay, String appId, String openidPrefix,
                           String codePrefix, String usernameSuffix, String passwordHash, double seed) {
    }

    /** What was generated and how long it took. */
    public record Generated(long members, long orders, long guestOrders, long lines, long checkins,
                            long ledgerEntries, long millis) {
    }

    /** Whether the brand already has generated orders (order numbers GEN-...). */
    public Mono<Boolean> generated(long brandId) {
        return db.sql("select exists (select 1 from purchase where brand_id = :b and order_no like 'GEN-%') as done")
                .bind("b", brandId).map(row -> row.get("done", Boolean.class)).one();
    }

    public Mono<Generated> generate(Settings s) {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("brand_id", s.brandId());
        settings.put("members", s.members());
        settings.put("orders", s.orders());
        settings.put("guest_share", s.guestShare());
        settings.put("stores", s.stores());
        settings.put("days", s.days());
        settings.put("now", s.now());
        settings.put("zone", s.zone().getId());
        settings.put("member_day", s.memberDay());
        settings.put("app_id", s.appId());
        settings.put("openid_prefix", s.openidPrefix());
        settings.put("code_prefix", s.codePrefix());
        settings.put("username_suffix", s.usernameSuffix());
        settings.put("password_hash", s.passwordHash());
        settings.put("seed", s.seed());
        StringBuilder sql = new StringBuilder();
        settings.forEach((name, value) -> sql.append("select set_config('generate.").append(name).append("', ")
                .append(literal(String.valueOf(value))).append(", true);\n"));
        sql.append(script);
        long started = System.nanoTime();
        return db.inConnectionMany(connection -> Flux.from(connection.createStatement(sql.toString()).execute())
                        .concatMap(result -> result.map((row, meta) -> summary(row, meta, started))))
                .filter(g -> g.members() >= 0)
                .last();
    }

    /** The script's last row; a placeholder (members -1) for every other row. */
    private static Generated summary(Readable row, RowMetadata meta, long started) {
        if (!meta.contains("generated_members")) {
            return new Generated(-1, 0, 0, 0, 0, 0, 0);
        }
        return new Generated(row.get("generated_members", Long.class), row.get("generated_orders", Long.class),
                row.get("generated_guest_orders", Long.class), row.get("generated_lines", Long.class),
                row.get("generated_checkins", Long.class), row.get("generated_ledger_entries", Long.class),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
    }

    private static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }
}
