package com.loyalty.staff;

import com.loyalty.shared.config.BrandProperties;
import com.loyalty.shared.security.Role;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Creates the bootstrap admin at start-up when configured and no admin exists. */
@Component
@Order(0)
class BootstrapAdmin implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(BootstrapAdmin.class);

    private final BootstrapAdminProperties properties;
    private final BrandProperties brand;
    private final StaffRepository staff;
    private final StaffService staffService;

    BootstrapAdmin(BootstrapAdminProperties properties, BrandProperties brand, StaffRepository staff,
                          StaffService staffService) {
        this.properties = properties;
        this.brand = brand;
        this.staff = staff;
        this.staffService = staffService;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!properties.isSet()) {
            return;
        }
        staff.anyAdmin(brand.id())
                .doOnNext(exists -> {
                    if (exists) {
                        log.info("Bootstrap admin '{}' not created: the brand has an admin already", properties.username());
                    }
                })
                .filter(exists -> !exists)
                .flatMap(none -> staffService.hash(properties.password()))
                .flatMap(hash -> staff.insertIfAbsent(brand.id(), null, properties.username().strip(), hash,
                        "管理员", Role.ADMIN))
                .doOnNext(admin -> log.info("Created bootstrap admin '{}'", admin.username()))
                .block(Duration.ofSeconds(30));
    }
}
