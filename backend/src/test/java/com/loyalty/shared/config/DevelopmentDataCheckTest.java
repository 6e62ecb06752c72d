package com.loyalty.shared.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.loyalty.shared.security.Role;
import com.loyalty.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.security.crypto.password.PasswordEncoder;

/** A production start over a database that scripts/dev had used (demo accounts, the dev admin). */
class DevelopmentDataCheckTest extends IntegrationTest {

    @Autowired
    DevelopmentDataCheck.Traces traces;

    @Autowired
    PasswordEncoder passwords;

    @Autowired
    BrandProperties brand;

    private final String devAdmin = unique("admin");

    @AfterEach
    void removeTheDemoAccounts() {
        db.sql("delete from staff where username in ('clerk-xuhui', :admin)").bind("admin", devAdmin).then().block();
    }

    @Test
    void productionRefusesToStartOverADatabaseWithDemoAccounts() {
        long store = Long.parseLong(createStore("徐汇店"));
        insertStaff(store, "clerk-xuhui", "demo-password", Role.CLERK);
        insertStaff(null, devAdmin, "admin-dev-password", Role.ADMIN);

        assertThatThrownBy(() -> check(new MockEnvironment()).afterSingletonsInstantiated())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Refusing to start in production")
                .hasMessageContaining("demo staff accounts [clerk-xuhui]")
                .hasMessageContaining("admin accounts [" + devAdmin + "] with a development password");
    }

    @Test
    void productionStartsOverADatabaseWithoutThem() {
        check(new MockEnvironment()).afterSingletonsInstantiated();
    }

    @Test
    void theDevProfileStartsOverItsOwnDemoData() {
        long store = Long.parseLong(createStore("徐汇店"));
        insertStaff(store, "clerk-xuhui", "demo-password", Role.CLERK);
        MockEnvironment dev = new MockEnvironment();
        dev.setActiveProfiles("dev");

        check(dev).afterSingletonsInstantiated();
        assertThat(check(new MockEnvironment()).problems()).isNotEmpty();
    }

    private void insertStaff(Long storeId, String username, String password, Role role) {
        var insert = db.sql("""
                insert into staff (brand_id, store_id, username, password_hash, role)
                values (:brand, :store, :username, :hash, :role) on conflict (username) do nothing""")
                .bind("brand", brand.id()).bind("username", username).bind("hash", passwords.encode(password))
                .bind("role", role.name());
        (storeId == null ? insert.bindNull("store", Long.class) : insert.bind("store", storeId)).then().block();
    }

    private DevelopmentDataCheck check(MockEnvironment environment) {
        return new DevelopmentDataCheck(environment, traces, passwords, brand);
    }
}
