package com.loyalty.shared.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.core.env.Environment;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

/**
 * Refuses to start in production over a database that carries what {@code scripts/dev} put in
 * it: the demo staff accounts (whose password is in this repository), demo or generated orders,
 * or an admin whose password is a development default. Runs once the schema is migrated and
 * before the server takes requests. (The demo data itself is in the dev jar, not in this one:
 * {@code com.loyalty.dev.demo}.)
 */
@Component
public class DevelopmentDataCheck implements SmartInitializingSingleton {

    /** The dev jar's demo staff accounts. */
    static final List<String> DEMO_STAFF = List.of("clerk-xuhui", "manager-xuhui", "clerk-jingan", "manager-jingan",
            "marketer-demo");

    /** The demo staff's password, published in this repository. */
    static final String DEMO_STAFF_PASSWORD = "demo-password";

    /** Passwords published in this repository that an admin must not have. */
    static final List<String> PUBLIC_PASSWORDS = List.of("admin-dev-password", DEMO_STAFF_PASSWORD);

    private final Environment environment;
    private final Traces traces;
    private final PasswordEncoder passwords;
    private final BrandProperties brand;

    public DevelopmentDataCheck(Environment environment, Traces traces, PasswordEncoder passwords, BrandProperties brand) {
        this.environment = environment;
        this.traces = traces;
        this.passwords = passwords;
        this.brand = brand;
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (!ProductionSafetyCheck.isProduction(environment)) {
            return;
        }
        List<String> problems = problems();
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Refusing to start in production over a database with development data: "
                    + String.join("; ", problems) + ". Point DB_NAME at the production database (scripts/dev uses "
                    + "loyalty_dev), or remove these accounts and data.");
        }
    }

    List<String> problems() {
        List<String> problems = new ArrayList<>();
        List<String> demoStaff = traces.existingUsernames(DEMO_STAFF).collectList().block(Duration.ofSeconds(30));
        if (!demoStaff.isEmpty()) {
            problems.add("demo staff accounts " + demoStaff + " (password " + DEMO_STAFF_PASSWORD + ")");
        }
        if (Boolean.TRUE.equals(traces.demoOrders().block(Duration.ofSeconds(30)))) {
            problems.add("demo orders (order numbers DEMO-... or GEN-...)");
        }
        List<String> weakAdmins = traces.adminHashes(brand.id())
                .filter(admin -> PUBLIC_PASSWORDS.stream().anyMatch(p -> matches(p, admin.passwordHash())))
                .map(Traces.Account::username)
                .collectList().block(Duration.ofSeconds(60));
        if (!weakAdmins.isEmpty()) {
            problems.add("admin accounts " + weakAdmins + " with a development password");
        }
        return problems;
    }

    private boolean matches(String password, String hash) {
        try {
            return passwords.matches(password, hash);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** What the check reads. */
    @org.springframework.stereotype.Repository
    public static class Traces {

        /** A staff account's name and password hash. */
        public record Account(String username, String passwordHash) {
        }

        private final org.springframework.r2dbc.core.DatabaseClient db;

        public Traces(org.springframework.r2dbc.core.DatabaseClient db) {
            this.db = db;
        }

        Flux<String> existingUsernames(List<String> usernames) {
            return db.sql("select username from staff where username = any(:names) order by username")
                    .bind("names", usernames.toArray(String[]::new))
                    .map(row -> row.get("username", String.class)).all();
        }

        reactor.core.publisher.Mono<Boolean> demoOrders() {
            return db.sql("""
                            select exists (select 1 from purchase
                                           where order_no in ('DEMO-1001', 'DEMO-1002', 'DEMO-1003', 'DEMO-2001')
                                              or order_no like 'GEN-%') as found
                            """)
                    .map(row -> row.get("found", Boolean.class)).one();
        }

        /** The brand's admins (a handful), at most 50. */
        Flux<Account> adminHashes(long brandId) {
            return db.sql("select username, password_hash from staff where brand_id = :b and role = 'ADMIN' order by id limit 50")
                    .bind("b", brandId)
                    .map(row -> new Account(row.get("username", String.class), row.get("password_hash", String.class)))
                    .all();
        }
    }
}
