package com.loyalty.staff;


import com.loyalty.shared.config.BrandProperties;
import com.loyalty.shared.security.Role;
import com.loyalty.support.IntegrationTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class StaffLoginTest extends IntegrationTest {

    @Autowired
    StaffRepository staffRepository;

    @Autowired
    StaffService staffService;


    @Autowired
    BrandProperties brand;

    @Test
    void bootstrapAdminFromConfigurationCanSignIn() {
        staff("root-admin", "root-admin-password").documentName("currentStaff").execute()
                .path("currentStaff.role").entity(String.class).isEqualTo("ADMIN")
                .path("currentStaff.storeId").valueIsNull();
    }

    @Test
    void clerkSignsInWithTheRoleAndStoreInTheToken() {
        String username = unique("clerk");
        long storeId = createStaff(username, "s3cret-pass", Role.CLERK);

        staff(username, "s3cret-pass").documentName("currentStaff").execute()
                .path("currentStaff.username").entity(String.class).isEqualTo(username)
                .path("currentStaff.role").entity(String.class).isEqualTo("CLERK")
                .path("currentStaff.storeId").entity(String.class).isEqualTo(String.valueOf(storeId));
    }

    @Test
    void wrongPasswordIsRefusedWithoutSayingWhichPartWasWrong() {
        String username = unique("clerk");
        createStaff(username, "right-password", Role.CLERK);

        attempt(username, "wrong-password")
                .path("staffLogin.accessToken").valueIsNull()
                .path("staffLogin.userErrors[0].code").entity(String.class).isEqualTo("BAD_CREDENTIALS");
        attempt(unique("nobody"), "right-password")
                .path("staffLogin.userErrors[0].code").entity(String.class).isEqualTo("BAD_CREDENTIALS");
    }

    @Test
    void disabledStaffCannotSignIn() {
        String username = unique("gone");
        createStaff(username, "right-password", Role.STORE_MANAGER);
        db.sql("update staff set enabled = false where username = :u").bind("u", username).then().block();

        attempt(username, "right-password")
                .path("staffLogin.userErrors[0].code").entity(String.class).isEqualTo("ACCOUNT_DISABLED");
    }

    @Test
    void aDisabledAccountCannotRefreshItsSession() {
        String username = unique("leaver");
        createStaff(username, "right-password", Role.CLERK);
        String refreshToken = attempt(username, "right-password")
                .path("staffLogin.refreshToken").entity(String.class).get();
        db.sql("update staff set enabled = false where username = :u").bind("u", username).then().block();

        anonymous().documentName("refreshSession").variable("refreshToken", refreshToken).execute()
                .path("refreshSession.accessToken").valueIsNull()
                .path("refreshSession.userErrors[0].code").entity(String.class).isEqualTo("REFRESH_TOKEN_INVALID");
    }

    @Test
    void fiveWrongPasswordsInARowLockTheAccountForFifteenMinutesEvenForTheRightPassword() {
        String username = unique("guessed");
        createStaff(username, "right-password", Role.CLERK);
        for (int i = 0; i < 4; i++) {
            attempt(username, "guess-" + i).path("staffLogin.userErrors[0].code").entity(String.class)
                    .isEqualTo("BAD_CREDENTIALS");
        }

        attempt(username, "guess-5").path("staffLogin.userErrors[0].code").entity(String.class).isEqualTo("ACCOUNT_LOCKED");
        attempt(username, "right-password")
                .path("staffLogin.accessToken").valueIsNull()
                .path("staffLogin.userErrors[0].code").entity(String.class).isEqualTo("ACCOUNT_LOCKED")
                .path("staffLogin.userErrors[0].message").entity(String.class).satisfies(m ->
                        org.assertj.core.api.Assertions.assertThat(m).contains("15 分钟"));

        clock.advance(java.time.Duration.ofMinutes(16));
        attempt(username, "right-password").path("staffLogin.accessToken").entity(String.class)
                .satisfies(token -> org.assertj.core.api.Assertions.assertThat(token).isNotBlank());
    }

    @Test
    void aSuccessfulSignInForgetsEarlierWrongPasswords() {
        String username = unique("typo");
        createStaff(username, "right-password", Role.CLERK);
        for (int i = 0; i < 4; i++) {
            attempt(username, "typo-" + i);
        }
        attempt(username, "right-password").path("staffLogin.userErrors").entityList(Object.class).hasSize(0);

        for (int i = 0; i < 4; i++) {
            attempt(username, "typo-again-" + i).path("staffLogin.userErrors[0].code").entity(String.class)
                    .isEqualTo("BAD_CREDENTIALS");
        }
    }

    @Test
    void anAdminEnablingTheAccountUnlocksIt() {
        String username = unique("locked");
        createStaff(username, "right-password", Role.CLERK);
        for (int i = 0; i < 5; i++) {
            attempt(username, "wrong-" + i);
        }
        long id = staffRepository.findByUsername(username).block().id();

        admin().documentName("setStaffEnabled")
                .variable("staffId", String.valueOf(id)).variable("enabled", true).execute();

        attempt(username, "right-password").path("staffLogin.userErrors").entityList(Object.class).hasSize(0);
    }

    @Test
    void passwordsAreStoredHashed() {
        String username = unique("hash");
        createStaff(username, "plain-password", Role.CLERK);

        String stored = db.sql("select password_hash from staff where username = :u").bind("u", username)
                .map(row -> row.get("password_hash", String.class)).one().block();
        org.assertj.core.api.Assertions.assertThat(stored).startsWith("{bcrypt}").doesNotContain("plain-password");
    }

    private org.springframework.graphql.test.tester.GraphQlTester.Response attempt(String username, String password) {
        return anonymous().documentName("staffLogin")
                .variable("input", Map.of("username", username, "password", password))
                .execute();
    }

    private long createStaff(String username, String password, Role role) {
        long storeId = storeNamed(brand.id(), "Staff test store");
        String hash = staffService.hash(password).block();
        staffRepository.insertIfAbsent(brand.id(), storeId, username, hash, null, role).block();
        return storeId;
    }
}
