package com.loyalty.membercode;

import static org.assertj.core.api.Assertions.assertThat;

import com.loyalty.shared.config.BrandProperties;
import com.loyalty.shared.security.AuthProperties;
import com.loyalty.support.HandBuiltBrand;
import com.loyalty.support.IntegrationTest;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.redisson.api.RedissonReactiveClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.security.crypto.password.PasswordEncoder;

class MemberCodeTest extends IntegrationTest {

    @Test
    void clerkScansTheMembersCodeAndSeesTheirCardWithAMaskedPhone() {
        String name = unique("card");
        HttpGraphQlTester member = member(name);
        member.documentName("updateProfile").variable("input", Map.of("nickname", "扫码顾客")).execute();
        member.documentName("bindPhone").variable("code", "phone-13700005678").execute();
        HttpGraphQlTester clerk = newStaff(createStore("till"), "CLERK");

        scan(clerk, code(member))
                .path("scanMemberCode.userErrors").entityList(Object.class).hasSize(0)
                .path("scanMemberCode.card.member.nickname").entity(String.class).isEqualTo("扫码顾客")
                .path("scanMemberCode.card.member.phone").entity(String.class).isEqualTo("137****5678");

        Long audited = db.sql("""
                        select count(*) as n from staff_audit a join member m on m.id = a.member_id
                        where a.action = 'SCAN_MEMBER_CODE' and m.openid = :openid and a.store_id is not null
                        """)
                .bind("openid", "o-fake-" + name).map(row -> row.get("n", Long.class)).one().block();
        assertThat(audited).isEqualTo(1);
    }

    @Test
    void aCodeScansOnlyOnce() {
        HttpGraphQlTester clerk = newStaff(createStore("once"), "CLERK");
        String token = code(member(unique("once")));
        scan(clerk, token).path("scanMemberCode.userErrors").entityList(Object.class).hasSize(0);

        scan(clerk, token)
                .path("scanMemberCode.card").valueIsNull()
                .path("scanMemberCode.userErrors[0].code").entity(String.class).isEqualTo("CODE_USED");
    }

    @Test
    void aCodeExpiresAfterSixtySeconds() {
        HttpGraphQlTester clerk = newStaff(createStore("late"), "CLERK");
        String token = code(member(unique("late")));

        clock.advance(Duration.ofSeconds(61));

        scan(clerk, token).path("scanMemberCode.userErrors[0].code").entity(String.class).isEqualTo("CODE_EXPIRED");
    }

    @Test
    void aForgedCodeIsInvalid() {
        HttpGraphQlTester clerk = newStaff(createStore("forge"), "CLERK");
        String token = code(member(unique("forge")));
        String[] parts = token.split("\\.");
        String otherMember = "1." + parts[1] + "." + parts[2] + "." + parts[3];

        scan(clerk, otherMember).path("scanMemberCode.userErrors[0].code").entity(String.class).isEqualTo("CODE_INVALID");
        scan(clerk, "garbage").path("scanMemberCode.userErrors[0].code").entity(String.class).isEqualTo("CODE_INVALID");
    }

    @Test
    void parallelScansOfOneCodeLetExactlyOneThrough() {
        HttpGraphQlTester clerk = newStaff(createStore("rush"), "CLERK");
        String token = code(member(unique("rush")));

        List<String> outcomes = inParallel(20, i -> scan(clerk, token)
                .path("scanMemberCode.userErrors[*].code").entityList(String.class).get()
                .stream().findFirst().orElse("OK"));

        assertThat(outcomes).filteredOn("OK"::equals).hasSize(1);
        assertThat(outcomes).filteredOn("CODE_USED"::equals).hasSize(19);
    }

    @Test
    void membersCannotScanCodes() {
        HttpGraphQlTester member = member(unique("nosy"));
        scan(member, code(member(unique("victim"))))
                .errors().expect(e -> "FORBIDDEN".equals(e.getExtensions().get("classification"))).verify();
    }

    @Test
    void memberPollingTheirCodeLearnsAtWhichStoreItWasScanned() {
        HttpGraphQlTester member = member(unique("poll"));
        String store = createStore("poll");
        HttpGraphQlTester clerk = newStaff(store, "CLERK");
        String token = code(member);
        polled(member, token).path("memberCodeScan").valueIsNull();

        scan(clerk, token).path("scanMemberCode.userErrors").entityList(Object.class).hasSize(0);

        polled(member, token)
                .path("memberCodeScan.storeId").entity(String.class).isEqualTo(store)
                .path("memberCodeScan.storeName").entity(String.class).satisfies(name -> assertThat(name).startsWith("poll"));
    }

    @Test
    void anotherMembersCodeTellsNothingWhenPolled() {
        HttpGraphQlTester owner = member(unique("owner"));
        HttpGraphQlTester clerk = newStaff(createStore("other"), "CLERK");
        String token = code(owner);
        scan(clerk, token).path("scanMemberCode.userErrors").entityList(Object.class).hasSize(0);

        polled(member(unique("snoop")), token).path("memberCodeScan").valueIsNull();
        polled(owner, "garbage").path("memberCodeScan").valueIsNull();
    }

    // ---------------------------------------------------------------- the code as digits

    @Test
    void theDigitsOfACodeWorkOnceAtTheTillAndUseUpItsQrCodeToo() {
        HttpGraphQlTester member = member(unique("digits"));
        member.documentName("updateProfile").variable("input", Map.of("nickname", "数字顾客")).execute();
        HttpGraphQlTester clerk = newStaff(createStore("digits"), "CLERK");
        Map<String, String> code = codeWithDigits(member);
        assertThat(code.get("digits")).matches("88\\d{16}");

        scan(clerk, grouped(code.get("digits")))
                .path("scanMemberCode.userErrors").entityList(Object.class).hasSize(0)
                .path("scanMemberCode.card.member.nickname").entity(String.class).isEqualTo("数字顾客")
                .path("scanMemberCode.tillProof.token").entity(String.class).satisfies(proof -> assertThat(proof).isNotBlank());

        scan(clerk, code.get("digits")).path("scanMemberCode.userErrors[0].code").entity(String.class).isEqualTo("CODE_USED");
        scan(clerk, code.get("token")).path("scanMemberCode.userErrors[0].code").entity(String.class).isEqualTo("CODE_USED");
    }

    @Test
    void digitsTypedAfterTheCodeExpiredAnswerCodeExpired() {
        HttpGraphQlTester clerk = newStaff(createStore("digits-late"), "CLERK");
        String digits = codeWithDigits(member(unique("digits-late"))).get("digits");

        clock.advance(Duration.ofSeconds(61));

        scan(clerk, digits).path("scanMemberCode.userErrors[0].code").entity(String.class).isEqualTo("CODE_EXPIRED");
    }

    @Test
    void mistypedOrMadeUpDigitsAreInvalid() {
        HttpGraphQlTester clerk = newStaff(createStore("digits-typo"), "CLERK");
        String digits = codeWithDigits(member(unique("digits-typo"))).get("digits");
        String oneDigitWrong = digits.substring(0, 5) + (char) ('0' + (digits.charAt(5) - '0' + 1) % 10) + digits.substring(6);
        String body = "88" + "0".repeat(15);
        String wellFormedButNeverIssued = body + CodeDigits.checkDigit(body);

        for (String typed : List.of(oneDigitWrong, wellFormedButNeverIssued, digits.substring(0, 17), digits + "0")) {
            scan(clerk, typed).path("scanMemberCode.userErrors[0].code").entity(String.class).isEqualTo("CODE_INVALID");
        }
        // none of these used the real code up
        scan(clerk, digits).path("scanMemberCode.userErrors").entityList(Object.class).hasSize(0);
    }

    @Test
    void digitsAreAcceptedWhereverACodeIsFindingRecordingAndRecharging() {
        String store = createStore("digits-everywhere");
        HttpGraphQlTester clerk = newStaff(store, "CLERK");
        HttpGraphQlTester member = memberOf(store, unique("digits-everywhere"));
        String digits = codeWithDigits(member).get("digits");

        clerk.document("query($search: MemberSearch!) { findMembers(search: $search) { edges { node { id } } } }")
                .variable("search", Map.of("code", grouped(digits))).execute()
                .path("findMembers.edges[*].node.id").entityList(String.class).containsExactly(idOf(member));
        clerk.documentName("recordPurchase")
                .variable("input", Map.of("memberCodeToken", digits, "orderNo", unique("o"), "amountCents", 1_000))
                .execute()
                .path("recordPurchase.userErrors").entityList(Object.class).hasSize(0)
                .path("recordPurchase.purchase.member.id").entity(String.class).isEqualTo(idOf(member));

        String pack = admin().documentName("createRechargePackage").variable("input", Map.of("name", "充100",
                        "payCents", 10_000, "bonusCents", 0)).execute()
                .path("createRechargePackage.rechargePackage.id").entity(String.class).get();
        clerk.documentName("rechargeAtTill").variable("input", Map.of("memberCodeToken",
                        grouped(codeWithDigits(member).get("digits")), "packageId", pack, "receiptNo", unique("RC"),
                        "paidBy", "CASH")).execute()
                .path("rechargeAtTill.userErrors").entityList(Object.class).hasSize(0)
                .path("rechargeAtTill.recharge.payCents").entity(Long.class).isEqualTo(10_000L);
    }

    @Test
    void theMembersCardLearnsOfAScanOfItsDigitsByPollingWithTheToken() {
        HttpGraphQlTester member = member(unique("digits-poll"));
        String store = createStore("digits-poll");
        Map<String, String> code = codeWithDigits(member);

        scan(newStaff(store, "CLERK"), code.get("digits")).path("scanMemberCode.userErrors").entityList(Object.class).hasSize(0);

        polled(member, code.get("token")).path("memberCodeScan.storeId").entity(String.class).isEqualTo(store);
    }

    @Test
    void anotherBrandsDigitsAreInvalidHere() {
        HandBuiltBrand other = new HandBuiltBrand(db, passwords, brand.zone(), STAFF_PASSWORD);
        long theirMember = other.member(unique("elsewhere"), LocalDate.now(brand.zone()).minusDays(1));
        String theirDigits = codes.issue(theirMember).block().digits();

        scan(newStaff(createStore("digits-brand"), "CLERK"), theirDigits)
                .path("scanMemberCode.card").valueIsNull()
                .path("scanMemberCode.userErrors[0].code").entity(String.class).isEqualTo("CODE_INVALID");
    }

    @Test
    void refusedCodesAreAuditedSayingHowTheyCameButNotTheCode() {
        HttpGraphQlTester clerk = newStaff(createStore("digits-audit"), "CLERK");
        String clerkId = clerk.documentName("currentStaff").execute().path("currentStaff.id").entity(String.class).get();
        String digits = codeWithDigits(member(unique("digits-audit"))).get("digits");
        scan(clerk, digits).path("scanMemberCode.userErrors").entityList(Object.class).hasSize(0);

        scan(clerk, digits).path("scanMemberCode.userErrors[0].code").entity(String.class).isEqualTo("CODE_USED");
        scan(clerk, "garbage").path("scanMemberCode.userErrors[0].code").entity(String.class).isEqualTo("CODE_INVALID");

        assertThat(auditOf(clerkId, "REFUSED_MEMBER_CODE")).extracting(AuditEntry::detail)
                .containsExactlyInAnyOrder("CODE_USED (digits)", "CODE_INVALID (token)");
    }

    @Test
    void digitsAlreadyHeldByALiveCodeAreNeverHandedOutAgain() {
        // two issuers drawing the very same numbers: the second must see the clash and draw again
        MemberCodes first = new MemberCodes(auth, redis, clock, new Random(20261207L));
        MemberCodes second = new MemberCodes(auth, redis, clock, new Random(20261207L));
        long one = Long.parseLong(idOf(member(unique("clash-1"))));
        long two = Long.parseLong(idOf(member(unique("clash-2"))));

        String firstDigits = first.issue(one).block().digits();
        String secondDigits = second.issue(two).block().digits();

        assertThat(secondDigits).isNotEqualTo(firstDigits);
        assertThat(codes.find(firstDigits).block().memberId()).isEqualTo(one);
        assertThat(codes.find(secondDigits).block().memberId()).isEqualTo(two);
    }

    @Test
    void whatRedisHoldsForTheDigitsGivesNeitherTheDigitsNorAScannableTokenAway() {
        HttpGraphQlTester member = member(unique("digits-redis"));
        String memberId = idOf(member);
        Map<String, String> code = codeWithDigits(member);

        List<String> keys = redis.getKeys().getKeysByPattern("*membercode:digits:*").collectList().block();
        List<String> values = keys.stream()
                .map(key -> redis.<String>getBucket(key, org.redisson.client.codec.StringCodec.INSTANCE).get().block())
                .toList();

        assertThat(keys).noneMatch(key -> key.contains(code.get("digits")));
        assertThat(values).filteredOn(value -> value.startsWith(memberId + ".")).hasSize(1)
                .allSatisfy(value -> assertThat(code.get("token")).startsWith(value).isNotEqualTo(value));
    }

    @Autowired
    private MemberCodes codes;
    @Autowired
    private AuthProperties auth;
    @Autowired
    private RedissonReactiveClient redis;
    @Autowired
    private PasswordEncoder passwords;
    @Autowired
    private BrandProperties brand;

    /** The member's fresh code: its token and digits. */
    private static Map<String, String> codeWithDigits(HttpGraphQlTester member) {
        var response = member.documentName("memberCode").execute();
        return Map.of("token", response.path("memberCode.token").entity(String.class).get(),
                "digits", response.path("memberCode.digits").entity(String.class).get());
    }

    /** The digits as the card shows them: 4-4-4-4-2. */
    private static String grouped(String digits) {
        return String.join(" ", digits.substring(0, 4), digits.substring(4, 8), digits.substring(8, 12),
                digits.substring(12, 16), digits.substring(16));
    }

    private static org.springframework.graphql.test.tester.GraphQlTester.Response polled(HttpGraphQlTester member,
                                                                                        String token) {
        return member.documentName("memberCodeScan").variable("token", token).execute();
    }

    private static String code(HttpGraphQlTester member) {
        return member.documentName("memberCode").execute().path("memberCode.token").entity(String.class).get();
    }

    private static org.springframework.graphql.test.tester.GraphQlTester.Response scan(HttpGraphQlTester staff,
                                                                                      String token) {
        return staff.documentName("scanMemberCode").variable("token", token).execute();
    }
}
