package com.loyalty.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.loyalty.shared.config.BrandProperties;
import com.loyalty.shared.security.Role;
import com.loyalty.staff.StaffRepository;
import com.loyalty.staff.StaffService;
import com.loyalty.store.StoreRepository;
import com.loyalty.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.security.crypto.password.PasswordEncoder;

/** A production start over a database that scripts/dev had used (demo accounts, the dev admin). */
class DemoDataCheckTest extends IntegrationTest {

    @Autowired
    DemoDataCheck.DemoTraces traces;

    @Autowired
    PasswordEncoder passwords;

    @Autowired
    BrandProperties brand;

    @Autowired
    StaffRepository staff;

    @Autowired
    StaffService staffService;

    @Autowired
    StoreRepository stores;

    private final String devAdmin = unique("admin");

    @AfterEach
    void removeTheDemoAccounts() {
        db.sql("delete from staff where username in ('clerk-xuhui', :admin)").bind("admin", devAdmin).then().block();
    }

    @Test
    void productionRefusesToStartOverADatabaseWithDemoAccounts() {
        long store = stores.ensure(brand.id(), "徐汇店", null).block();
        staff.insertIfAbsent(brand.id(), store, "clerk-xuhui", staffService.hash("demo-password").block(), null,
                Role.CLERK).block();
        staff.insertIfAbsent(brand.id(), null, devAdmin, staffService.hash("admin-dev-password").block(), null,
                Role.ADMIN).block();

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
        long store = stores.ensure(brand.id(), "徐汇店", null).block();
        staff.insertIfAbsent(brand.id(), store, "clerk-xuhui", staffService.hash("demo-password").block(), null,
                Role.CLERK).block();
        MockEnvironment dev = new MockEnvironment();
        dev.setActiveProfiles("dev");

        check(dev).afterSingletonsInstantiated();
        assertThat(check(new MockEnvironment()).problems()).isNotEmpty();
    }

    private DemoDataCheck check(MockEnvironment environment) {
        return new DemoDataCheck(environment, traces, passwords, brand);
    }
}
