package com.loyalty.support;

import com.loyalty.shared.config.BrandProperties;
import com.loyalty.shared.security.Role;
import com.loyalty.staff.StaffService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Base of tests that run the whole backend on a random port against the run's own Postgres
 * database and Redis key prefix, with the fake WeChat server.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(IntegrationTest.TestBeans.class)
public abstract class IntegrationTest {

    protected static final String STAFF_PASSWORD = "staff-password";

    @LocalServerPort
    protected int port;

    @Autowired
    private StaffService staffService;

    @Autowired
    protected MutableClock clock;

    @Autowired
    protected DatabaseClient db;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    /** The points invariant, checked after every test: each balance equals the sum of its ledger. */
    @AfterEach
    void balancesEqualTheLedger() {
        Long off = db.sql("""
                        select count(*) as n from member_points mp
                        where mp.balance <> (select coalesce(sum(delta), 0) from points_ledger l
                                             where l.member_id = mp.member_id)
                           or mp.balance > (select coalesce(sum(remaining), 0) from points_grant g
                                            where g.member_id = mp.member_id)
                        """)
                .map(row -> row.get("n", Long.class)).one().block();
        org.assertj.core.api.Assertions.assertThat(off).as("members whose balance differs from their ledger").isZero();
    }

    /**
     * The stored-value invariant, checked after every test: every transaction balances (entries add
     * up to zero, at least two of them), and each lot and each wallet row equals its member's entries.
     */
    @AfterEach
    void walletBooksBalance() {
        Map<String, Long> off = db.sql("""
                        select
                          (select count(*) from wallet_txn t
                           where (select count(*) from wallet_entry e where e.txn_id = t.id) < 2
                              or (select sum(amount_cents) from wallet_entry e where e.txn_id = t.id) <> 0) as unbalanced,
                          (select count(*) from wallet_recharge r
                           where r.principal_remaining <> (select coalesce(sum(amount_cents), 0) from wallet_entry e
                                                           where e.recharge_id = r.id and e.account = 'MEMBER_PRINCIPAL')
                              or r.bonus_remaining <> (select coalesce(sum(amount_cents), 0) from wallet_entry e
                                                       where e.recharge_id = r.id and e.account = 'MEMBER_BONUS')) as lots,
                          (select count(*) from member_wallet w
                           where w.principal_cents <> (select coalesce(sum(principal_remaining), 0) from wallet_recharge r
                                                       where r.member_id = w.member_id)
                              or w.bonus_cents <> (select coalesce(sum(bonus_remaining), 0) from wallet_recharge r
                                                   where r.member_id = w.member_id)) as wallets,
                          (select count(*) from wallet_entry e join wallet_txn t on t.id = e.txn_id
                           where e.member_id is not null and e.member_id <> t.member_id) as crossed
                        """)
                .map(row -> Map.of("unbalanced transactions", row.get("unbalanced", Long.class),
                        "lots that differ from their entries", row.get("lots", Long.class),
                        "wallets that differ from their lots", row.get("wallets", Long.class),
                        "entries on another member's account", row.get("crossed", Long.class)))
                .one().block();
        org.assertj.core.api.Assertions.assertThat(off).as("stored-value books").allSatisfy((what, n) ->
                org.assertj.core.api.Assertions.assertThat(n).as(what).isZero());
    }

    /**
     * The coupon invariant, checked after every test: no template hands out more coupons than its
     * stock, no member holds more of a template than its per-member limit (as counted), and a coupon
     * is used exactly when it names its purchase and time of use, by a purchase of its own member.
     */
    @AfterEach
    void couponsStayWithinStockAndAreRedeemedOnce() {
        Map<String, Long> off = db.sql("""
                        select
                          (select count(*) from coupon_template t
                           where t.total_stock is not null
                             and (t.issued > t.total_stock
                                  or (select count(*) from member_coupon c where c.template_id = t.id) > t.total_stock)) as stock,
                          (select count(*) from member_coupon_count n join coupon_template t on t.id = n.template_id
                           where n.count > t.per_member_limit
                              or (select count(*) from member_coupon c
                                  where c.template_id = n.template_id and c.member_id = n.member_id) > n.count) as limits,
                          (select count(*) from member_coupon c
                           where (c.status = 'USED') <> (c.used_at is not null and c.purchase_id is not null)
                              or c.status = 'USABLE' and (c.used_at is not null or c.purchase_id is not null)) as used,
                          (select count(*) from member_coupon c join purchase p on p.id = c.purchase_id
                           where p.member_id is distinct from c.member_id) as crossed
                        """)
                .map(row -> Map.of("templates past their stock", row.get("stock", Long.class),
                        "members past a template's limit", row.get("limits", Long.class),
                        "coupons half used (status, time and purchase disagree)", row.get("used", Long.class),
                        "coupons used on another member's purchase", row.get("crossed", Long.class)))
                .one().block();
        org.assertj.core.api.Assertions.assertThat(off).as("coupons").allSatisfy((what, n) ->
                org.assertj.core.api.Assertions.assertThat(n).as(what).isZero());
    }

    /** A name no other test uses, so tests can share the run's database. */
    protected static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Runs {@code task(0..times-1)} on 12 threads at once and returns the results in order. */
    protected static <T> List<T> inParallel(int times, IntFunction<T> task) {
        ExecutorService pool = Executors.newFixedThreadPool(12);
        try {
            List<Callable<T>> calls = IntStream.range(0, times).<Callable<T>>mapToObj(i -> () -> task.apply(i)).toList();
            List<T> results = new ArrayList<>();
            for (Future<T> future : pool.invokeAll(calls)) {
                results.add(future.get());
            }
            return results;
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException(e);
        } finally {
            pool.shutdownNow();
        }
    }

    /** How long a test waits for an answer before calling it hung: generous, a busy machine is slow. */
    protected static final Duration PATIENCE = Duration.ofSeconds(30);

    /** A plain HTTP client for this server. */
    protected WebTestClient http() {
        return WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).responseTimeout(PATIENCE).build();
    }

    /** An anonymous GraphQL caller. */
    protected HttpGraphQlTester anonymous() {
        return HttpGraphQlTester.builder(WebTestClient.bindToServer()
                        .baseUrl("http://127.0.0.1:" + port + "/graphql").responseTimeout(PATIENCE))
                .responseTimeout(PATIENCE).build();
    }

    /** A GraphQL caller presenting this access token. */
    protected HttpGraphQlTester withToken(String accessToken) {
        return anonymous().mutate().header("Authorization", "Bearer " + accessToken).build();
    }

    /**
     * Signs in through the fake WeChat with code {@code dev-<name>} and returns the session fields;
     * the member has accepted the privacy notice and marketing, as the mini-program asks on first use.
     */
    protected Map<String, Object> login(String name) {
        return login(name, null);
    }

    /** The same for a member who registers at the store (opened the mini-program from its QR code); null: none. */
    protected Map<String, Object> login(String name, String storeId) {
        Map<String, Object> session = loginWithoutConsents(name, storeId);
        withToken((String) session.get("accessToken")).documentName("updateConsents")
                .variable("input", Map.of("acceptNoticeVersion", 1, "marketing", true))
                .execute()
                .path("updateConsents.userErrors").entityList(Object.class).hasSize(0);
        return session;
    }

    /** Signs in with code {@code dev-<name>} without accepting anything (a member who has not answered yet). */
    @SuppressWarnings("unchecked")
    protected Map<String, Object> loginWithoutConsents(String name) {
        return loginWithoutConsents(name, null);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> loginWithoutConsents(String name, String storeId) {
        return anonymous().documentName("login")
                .variable("input", storeId == null ? Map.of("code", "dev-" + name) : Map.of("code", "dev-" + name, "storeId", storeId))
                .execute()
                .path("login.userErrors").entityList(Object.class).hasSize(0)
                .path("login").entity(Map.class).get();
    }

    /** Binds a fresh phone number to the member (as WeChat's phone-number button reports it); the number. */
    protected static String bindFreshPhone(HttpGraphQlTester member) {
        String phone = "139" + java.util.concurrent.ThreadLocalRandom.current().nextInt(10_000_000, 100_000_000);
        member.documentName("bindPhone").variable("code", "phone-" + phone).execute()
                .path("bindPhone.userErrors").entityList(Object.class).hasSize(0);
        return phone;
    }

    /** The member's id as the API shows it. */
    protected static String idOf(HttpGraphQlTester member) {
        return member.document("{ me { id } }").execute().path("me.id").entity(String.class).get();
    }

    /** A GraphQL caller signed in as member {@code name} (registered on first use). */
    protected HttpGraphQlTester member(String name) {
        return withToken((String) login(name).get("accessToken"));
    }

    /** A GraphQL caller signed in as staff with these credentials. */
    protected HttpGraphQlTester staff(String username, String password) {
        return withToken(staffAccessToken(username, password));
    }

    /** An access token of staff with these credentials. */
    protected String staffAccessToken(String username, String password) {
        return anonymous().documentName("staffLogin")
                .variable("input", Map.of("username", username, "password", password))
                .execute()
                .path("staffLogin.userErrors").entityList(Object.class).hasSize(0)
                .path("staffLogin.accessToken").entity(String.class).get();
    }

    /** The bootstrap admin from application-test.yml. */
    protected HttpGraphQlTester admin() {
        return staff("root-admin", "root-admin-password");
    }

    /** The audit trail of one staff member's actions of one kind, newest first, as an admin reads it. */
    protected List<AuditEntry> auditOf(String staffId, String action) {
        return admin().document("""
                        query($id: ID!, $action: String!) { staffActions(staffId: $id, action: $action, first: 100) {
                          edges { node { detail storeId memberId } } } }""")
                .variable("id", staffId).variable("action", action).execute()
                .path("staffActions.edges[*].node").entityList(AuditEntry.class).get();
    }

    /** One entry of the audit trail: what it says, at which store, about which member. */
    protected record AuditEntry(String detail, String storeId, String memberId) {
    }

    /** Opens a store with a unique name through the admin API and returns its id. */
    protected String createStore(String name) {
        return admin().documentName("createStore")
                .variable("input", Map.of("name", unique(name)))
                .execute()
                .path("createStore.userErrors").entityList(Object.class).hasSize(0)
                .path("createStore.store.id").entity(String.class).get();
    }

    /** Creates a staff account (CLERK or STORE_MANAGER) at the store through the admin API; returns its username. */
    protected String createStaff(String storeId, String role) {
        String username = unique(role.toLowerCase());
        admin().documentName("createStaff")
                .variable("input", Map.of("username", username, "password", STAFF_PASSWORD, "role", role,
                        "storeId", storeId))
                .execute()
                .path("createStaff.userErrors").entityList(Object.class).hasSize(0);
        return username;
    }

    /**
     * Writes a staff account straight into the table, for what the admin API refuses to create
     * (another admin, staff of another brand); returns its username.
     */
    protected String insertStaffAccount(long brandId, Long storeId, String username, String password, Role role) {
        db.sql("""
                        insert into staff (brand_id, store_id, username, password_hash, role)
                        values (:b, :s, :u, :h, :r) on conflict (username) do nothing
                        """)
                .bind("b", brandId).bind("s", org.springframework.r2dbc.core.Parameter.fromOrEmpty(storeId, Long.class))
                .bind("u", username).bind("h", staffService.hash(password).block()).bind("r", role.name())
                .then().block();
        return username;
    }

    /** The id of the brand's store with this name, opened straight in the table when missing. */
    protected long storeNamed(long brandId, String name) {
        return db.sql("""
                        with opened as (insert into store (brand_id, name) values (:b, :n) on conflict do nothing returning id)
                        select id from opened union all select id from store where brand_id = :b and name = :n limit 1
                        """)
                .bind("b", brandId).bind("n", name).map(row -> row.get("id", Long.class)).one().block();
    }

    /** A GraphQL caller signed in as member {@code name}, registered at the store: one of its staff's members. */
    protected HttpGraphQlTester memberOf(String storeId, String name) {
        return withToken((String) login(name, storeId).get("accessToken"));
    }

    /** Signs in a new staff account of that role at the store. */
    protected HttpGraphQlTester newStaff(String storeId, String role) {
        return staff(createStaff(storeId, role), STAFF_PASSWORD);
    }

    /** Signs in a new brand-wide marketer (no store), created through the admin API. */
    protected HttpGraphQlTester newMarketer() {
        String username = unique("marketer");
        admin().documentName("createStaff")
                .variable("input", Map.of("username", username, "password", STAFF_PASSWORD, "role", "MARKETER"))
                .execute()
                .path("createStaff.userErrors").entityList(Object.class).hasSize(0);
        return staff(username, STAFF_PASSWORD);
    }

    /**
     * Sends a file to {@code POST /media/avatar} as {@code wx.uploadFile} does (multipart field
     * {@code file}), with this access token (none: null).
     */
    protected WebTestClient.ResponseSpec uploadAvatar(String accessToken, String filename, String contentType, byte[] bytes) {
        return upload("/media/avatar", accessToken, filename, contentType, bytes);
    }

    /**
     * Sends a file to {@code POST /media/pictures?<query>} as the console does (multipart field
     * {@code file}), with this access token (none: null); e.g. query {@code for=EVENT&storeId=3}.
     */
    protected WebTestClient.ResponseSpec uploadPicture(String accessToken, String query, String filename, String contentType,
                                                       byte[] bytes) {
        return upload("/media/pictures?" + query, accessToken, filename, contentType, bytes);
    }

    private WebTestClient.ResponseSpec upload(String uri, String accessToken, String filename, String contentType, byte[] bytes) {
        org.springframework.http.client.MultipartBodyBuilder form = new org.springframework.http.client.MultipartBodyBuilder();
        form.part("file", new org.springframework.core.io.ByteArrayResource(bytes) {
            @Override
            public String getFilename() {
                return filename;
            }
        }).contentType(org.springframework.http.MediaType.parseMediaType(contentType));
        return http().post().uri(uri)
                .headers(h -> {
                    if (accessToken != null) {
                        h.setBearerAuth(accessToken);
                    }
                })
                .contentType(org.springframework.http.MediaType.MULTIPART_FORM_DATA)
                .body(org.springframework.web.reactive.function.BodyInserters.fromMultipartData(form.build()))
                .exchange();
    }

    /** Uploads a small PNG as the member's avatar and returns the URL it got, for updateProfile. */
    protected String uploadedAvatar(String accessToken) {
        return (String) uploadAvatar(accessToken, "avatar.png", "image/png", TestImages.png(64, 64, false))
                .expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody().get("url");
    }

    /** Replaces the system clock with one tests can move, and the password hashing with a quicker one. */
    @TestConfiguration(proxyBeanMethods = false)
    static class TestBeans {

        @Bean
        @Primary
        MutableClock testClock(BrandProperties brand) {
            return new MutableClock(brand.zone());
        }

        /**
         * The production encoder (bcrypt by default, the stored hash names its algorithm) hashing new
         * passwords with bcrypt's lowest cost: the suite signs staff in some thousands of times, and at
         * the production cost checking those passwords took most of its CPU. A hash names its cost, so
         * every hash still checks as production checks it, and new ones are still {bcrypt} hashes.
         */
        @Bean
        @Primary
        PasswordEncoder quickPasswordEncoder() {
            DelegatingPasswordEncoder quick = new DelegatingPasswordEncoder("bcrypt",
                    Map.of("bcrypt", new BCryptPasswordEncoder(BCryptPasswordEncoder.BCryptVersion.$2A, 4)));
            quick.setDefaultPasswordEncoderForMatches(PasswordEncoderFactories.createDelegatingPasswordEncoder());
            return quick;
        }
    }
}
