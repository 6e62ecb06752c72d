package com.loyalty.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.loyalty.support.IntegrationTest;
import com.loyalty.support.Till;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

class AccountClosureTest extends IntegrationTest {

    @Test
    void aClosedAccountIsErasedAfterCoolingOffWhileOrdersLedgersAndAnalyticsStayTheSame() {
        // early in a month, so the month's leaderboard still holds the member's points when erasure runs
        clock.setTo(LocalDate.now(clock).withDayOfMonth(2).atTime(LocalTime.of(10, 0)).atZone(clock.getZone()).toInstant());
        String name = unique("closer");
        Map<String, Object> session = login(name);
        HttpGraphQlTester me = withToken((String) session.get("accessToken"));
        String avatar = uploadedAvatar((String) session.get("accessToken"));
        String phone = "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
        me.documentName("updateProfile").variable("input", Map.of("nickname", "注销者" + name.substring(7),
                        "avatarUrl", avatar, "birthday", "1988-03-04", "gender", "FEMALE"))
                .execute().path("updateProfile.userErrors").entityList(Object.class).hasSize(0);
        me.documentName("bindPhone").variable("code", "phone-" + phone).execute()
                .path("bindPhone.userErrors").entityList(Object.class).hasSize(0);
        String id = idOf(me);
        String store = createStore("close");
        Till till = new Till(newStaff(store, "CLERK"));
        till.earn(id, unique("CL"), 12_000);
        String refunded = unique("CL");
        till.earn(id, refunded, 8_000);
        till.refund(refunded, unique("R"), 3_000).path("refundPurchase.userErrors").entityList(Object.class).hasSize(0);
        me.documentName("checkIn").execute().path("checkIn.userErrors").entityList(Object.class).hasSize(0);
        String managerName = createStaff(store, "STORE_MANAGER");
        HttpGraphQlTester manager = staff(managerName, STAFF_PASSWORD);
        assertThat(storeBoard(manager, store)).hasSize(1);
        Map<String, Long> before = books(id);
        Map<?, ?> analyticsBefore = todayNumbers(manager, store);
        leaveTraces(Long.parseLong(id), Long.parseLong(store));

        me.documentName("closeAccount").variable("confirm", false).execute()
                .path("closeAccount.closesAt").valueIsNull()
                .path("closeAccount.userErrors[0].field").entityList(String.class).containsExactly("input", "confirm");
        String closesAt = me.documentName("closeAccount").variable("confirm", true).execute()
                .path("closeAccount.userErrors").entityList(Object.class).hasSize(0)
                .path("closeAccount.closesAt").entity(String.class).get();
        assertThat(OffsetDateTime.parse(closesAt).toInstant())
                .isCloseTo(clock.instant().plus(Duration.ofDays(7)), within(1, ChronoUnit.MINUTES));
        // every sign-in ended at once
        anonymous().documentName("refreshSession").variable("refreshToken", session.get("refreshToken")).execute()
                .path("refreshSession.userErrors[0].code").entity(String.class).isEqualTo("REFRESH_TOKEN_INVALID");

        // still cooling off: this member is not erased (accounts other tests closed may be)
        runErasure();
        assertThat(memberRow(id)).contains(name.substring(7)).contains("1988-03-04");

        clock.advance(Duration.ofDays(8));
        runErasure().containsPattern("erased [1-9][0-9]* closed");
        manager = staff(managerName, STAFF_PASSWORD);

        // no personal value left in the member row: name, avatar, birthday, phone (cipher and hash), openid
        Map<String, Object> row = db.sql("""
                        select nickname, avatar_url, birthday, gender, phone_cipher, phone_hash, unionid, openid, closed_at
                        from member where id = :id
                        """).bind("id", Long.parseLong(id)).fetch().one().block();
        assertThat(row.get("nickname")).isNull();
        assertThat(row.get("avatar_url")).isNull();
        // and the uploaded avatar itself is deleted
        http().get().uri(java.net.URI.create(avatar).getPath()).exchange().expectStatus().isNotFound();
        assertThat(row.get("birthday")).isNull();
        assertThat(row.get("gender")).isEqualTo("UNKNOWN");
        assertThat(row.get("phone_cipher")).isNull();
        assertThat(row.get("phone_hash")).isNull();
        assertThat(row.get("unionid")).isNull();
        assertThat((String) row.get("openid")).startsWith("closed:").doesNotContain(name);
        assertThat(row.get("closed_at")).isNotNull();
        assertThat(memberRow(id)).doesNotContain(name).doesNotContain(name.substring(7)).doesNotContain("1988-03-04")
                .doesNotContain(phone).doesNotContain("img.example");
        // nor readable by staff
        manager.documentName("memberProfile").variable("id", id).execute()
                .path("member.member.nickname").valueIsNull()
                .path("member.member.phone").valueIsNull();
        // messages emptied (the unsent one skipped), template consents gone, the call list's reason and notes replaced
        assertThat(db.sql("select status, payload from notification_outbox where member_id = :m order by id")
                .bind("m", Long.parseLong(id)).map(r -> r.get("status", String.class) + " " + r.get("payload", String.class))
                .all().collectList().block()).containsExactly("SENT {}", "SKIPPED {}");
        assertThat(db.sql("select count(*) as n from subscribe_consent where member_id = :m").bind("m", Long.parseLong(id))
                .map(r -> r.get("n", Long.class)).one().block()).isZero();
        assertThat(db.sql("select reason || ' / ' || coalesce(note, '-') as t from follow_up_task where member_id = :m")
                .bind("m", Long.parseLong(id)).map(r -> r.get("t", String.class)).one().block()).isEqualTo("会员已注销 / -");
        // orders, points ledger, balance and the day's analytics are unchanged; the boards no longer rank them
        assertThat(books(id)).isEqualTo(before);
        assertThat(todayNumbersOn(manager, store)).isEqualTo(analyticsBefore);
        assertThat(storeBoard(manager, store)).isEmpty();

        // the same WeChat user signing in again is a new member
        Map<String, Object> again = anonymous().documentName("login").variable("input", Map.of("code", "dev-" + name))
                .execute().path("login").entity(Map.class).get();
        assertThat(again.get("registered")).isEqualTo(true);
        assertThat(((Map<?, ?>) again.get("member")).get("id")).isNotEqualTo(id);
        withToken((String) again.get("accessToken")).documentName("me").execute()
                .path("me.nickname").valueIsNull()
                .path("me.phone").valueIsNull();
    }

    @Test
    void aClosingMembersPlainSignInIsRefusedAndTheClosureStays() {
        String name = unique("closing");
        HttpGraphQlTester me = member(name);
        me.documentName("updateProfile").variable("input", Map.of("nickname", "冷静期")).execute();
        String id = idOf(me);
        String closesAt = me.documentName("closeAccount").variable("confirm", true).execute()
                .path("closeAccount.closesAt").entity(String.class).get();
        String eraseDay = OffsetDateTime.parse(closesAt).atZoneSameInstant(clock.getZone()).toLocalDate().toString();

        clock.advance(Duration.ofDays(3));
        // what the mini-program sends silently (no choice made): refused with the erase date, no tokens
        anonymous().documentName("login").variable("input", Map.of("code", "dev-" + name)).execute()
                .path("login.accessToken").valueIsNull()
                .path("login.refreshToken").valueIsNull()
                .path("login.member").valueIsNull()
                .path("login.userErrors[0].code").entity(String.class).isEqualTo("ACCOUNT_CLOSURE_PENDING")
                .path("login.userErrors[0].message").entity(String.class)
                .isEqualTo("账户将于" + eraseDay + "注销。如要继续使用，请选择“撤销注销并登录”")
                .path("login.closesAt").entity(String.class)
                .satisfies(at -> assertThat(OffsetDateTime.parse(at).toInstant()).isEqualTo(OffsetDateTime.parse(closesAt).toInstant()));
        // cancelClosure: false is no choice either
        anonymous().documentName("login").variable("input", Map.of("code", "dev-" + name, "cancelClosure", false)).execute()
                .path("login.userErrors[0].code").entity(String.class).isEqualTo("ACCOUNT_CLOSURE_PENDING");
        assertThat(closesAtOf(id)).isNotNull();

        // so the account is still erased when the cooling-off period ends
        clock.advance(Duration.ofDays(5));
        runErasure().containsPattern("erased [1-9][0-9]* closed");
        assertThat(memberRow(id)).doesNotContain("冷静期");
    }

    @Test
    void signingInWithCancelClosureDuringTheCoolingOffPeriodKeepsTheAccount() {
        String name = unique("regret");
        HttpGraphQlTester me = member(name);
        me.documentName("updateProfile").variable("input", Map.of("nickname", "后悔了")).execute();
        String id = idOf(me);
        me.documentName("closeAccount").variable("confirm", true).execute()
                .path("closeAccount.closesAt").hasValue();
        // the closure ended this sign-in: its token is refused from now on
        me.documentName("myConsents").execute()
                .errors().expect(e -> "UNAUTHENTICATED".equals(e.getExtensions().get("classification"))).verify();

        clock.advance(Duration.ofDays(3));
        Map<?, ?> back = anonymous().documentName("login")
                .variable("input", Map.of("code", "dev-" + name, "cancelClosure", true)).execute()
                .path("login.userErrors").entityList(Object.class).hasSize(0)
                .path("login.closesAt").valueIsNull()
                .path("login").entity(Map.class).get();
        assertThat(((Map<?, ?>) back.get("member")).get("id")).isEqualTo(id);
        withToken((String) back.get("accessToken")).documentName("myConsents").execute()
                .path("myConsents.closesAt").valueIsNull();
        // from now on plain sign-ins work again
        assertThat(idOf(member(name))).isEqualTo(id);

        clock.advance(Duration.ofDays(10));
        runErasure();
        member(name).documentName("me").execute().path("me.nickname").entity(String.class).isEqualTo("后悔了");
    }

    @Test
    void aClosureCheckSuchAsStoredValueLeftHoldsTheClosureBackUntilSettled() {
        String name = unique("owing");
        HttpGraphQlTester me = member(name);
        me.documentName("updateProfile").variable("input", Map.of("nickname", "还有余额")).execute();
        long id = Long.parseLong(idOf(me));
        HeldClosures.HELD.add(id);
        try {
            me.documentName("closeAccount").variable("confirm", true).execute()
                    .path("closeAccount.closesAt").valueIsNull()
                    .path("closeAccount.userErrors[0].code").entity(String.class).isEqualTo("ACCOUNT_CLOSURE_BLOCKED")
                    .path("closeAccount.userErrors[0].message").entity(String.class).isEqualTo("储值余额尚未退还，请先到门店办理退款");
            me.documentName("myConsents").execute().path("myConsents.closesAt").valueIsNull();

            // a balance that appears during the cooling-off period holds erasure back too
            HeldClosures.HELD.remove(id);
            me.documentName("closeAccount").variable("confirm", true).execute().path("closeAccount.closesAt").hasValue();
            HeldClosures.HELD.add(id);
            clock.advance(Duration.ofDays(8));
            runErasure().contains("held back");
            assertThat(memberRow(String.valueOf(id))).contains("还有余额");

            HeldClosures.HELD.remove(id);
            runErasure().containsPattern("erased [1-9][0-9]* closed");
            assertThat(memberRow(String.valueOf(id))).doesNotContain("还有余额");
        } finally {
            HeldClosures.HELD.remove(id);
        }
    }

    /** Personal text other features hold about the member: a sent and a pending message, a template consent, a call note. */
    private void leaveTraces(long memberId, long storeId) {
        db.sql("""
                        insert into notification_outbox (member_id, kind, dedupe_key, payload, status, due_at, next_attempt_at)
                        values (:m, 'BIRTHDAY', 'closure-sent-' || :m, '{"nickname":"注销者"}', 'SENT', now(), now()),
                               (:m, 'BIRTHDAY', 'closure-due-' || :m, '{"nickname":"注销者"}', 'PENDING', now() + interval '30 days',
                                now() + interval '30 days')
                        """).bind("m", memberId).then()
                .then(db.sql("insert into subscribe_consent (member_id, template_id, remaining, updated_at) values (:m, 'tmpl-closure', 2, now())")
                        .bind("m", memberId).then())
                .then(db.sql("""
                        with action as (
                            insert into automation_action (brand_id, rule, member_id, episode, acted_on, created_at)
                            select brand_id, 'DORMANT_60', id, 'closure', current_date, now() from member where id = :m
                            returning id, brand_id)
                        insert into follow_up_task (brand_id, store_id, member_id, action_id, reason, note, due_on, created_at)
                        select brand_id, :s, :m, id, '60 天未到店', '她说下周来，喜欢拿铁', current_date, now() from action
                        """).bind("m", memberId).bind("s", storeId).then())
                .block();
    }

    private org.assertj.core.api.AbstractStringAssert<?> runErasure() {
        return assertThat(admin().documentName("runJob").variable("job", "ACCOUNT_ERASURE").execute()
                .path("runJob.summary").entity(String.class).get());
    }

    private Instant closesAtOf(String id) {
        return db.sql("select closes_at from member where id = :id").bind("id", Long.parseLong(id))
                .map(r -> r.get("closes_at", Instant.class)).one().block();
    }

    /** The whole member row as text. */
    private String memberRow(String id) {
        return db.sql("select row_to_json(m)::text as j from member m where id = :id").bind("id", Long.parseLong(id))
                .map(r -> r.get("j", String.class)).one().block();
    }

    /** What the accountants look at: the member's orders, ledger and balance, and the brand's totals. */
    private Map<String, Long> books(String id) {
        return db.sql("""
                        select (select count(*) from purchase where member_id = :m) as orders,
                               (select coalesce(sum(amount_cents - refunded_cents), 0) from purchase where member_id = :m)::bigint as net,
                               (select coalesce(sum(delta), 0) from points_ledger where member_id = :m)::bigint as ledger,
                               (select count(*) from points_ledger where member_id = :m) as entries,
                               (select balance from member_points where member_id = :m) as balance,
                               (select coalesce(sum(delta), 0) from points_ledger)::bigint as brand_ledger,
                               (select coalesce(sum(amount_cents), 0) from purchase)::bigint as brand_sales,
                               (select count(*) from member) as members
                        """)
                .bind("m", Long.parseLong(id))
                .map(r -> Map.of("orders", r.get("orders", Long.class), "net", r.get("net", Long.class),
                        "ledger", r.get("ledger", Long.class), "entries", r.get("entries", Long.class),
                        "balance", r.get("balance", Long.class), "brandLedger", r.get("brand_ledger", Long.class),
                        "brandSales", r.get("brand_sales", Long.class), "members", r.get("members", Long.class)))
                .one().block();
    }

    private Map<?, ?> todayNumbers(HttpGraphQlTester manager, String store) {
        return manager.documentName("todayNumbers").variable("storeId", store).execute()
                .path("todayNumbers").entity(Map.class).get();
    }

    /** The store's numbers for the day of the purchases, read again after erasure (the clock moved on). */
    private Map<?, ?> todayNumbersOn(HttpGraphQlTester manager, String store) {
        Instant now = clock.instant();
        clock.advance(Duration.ofDays(-8));
        try {
            return todayNumbers(manager, store);
        } finally {
            clock.setTo(now);
        }
    }

    private static List<Map<String, Object>> storeBoard(HttpGraphQlTester viewer, String store) {
        return viewer.documentName("leaderboard")
                .variable("input", Map.of("scope", "STORE", "storeId", store, "period", "MONTH",
                        "metric", "POINTS_EARNED", "first", 10))
                .execute().path("leaderboard.entries").entityList(
                        new org.springframework.core.ParameterizedTypeReference<Map<String, Object>>() { }).get();
    }
}
