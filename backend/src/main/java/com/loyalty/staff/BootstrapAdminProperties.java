package com.loyalty.staff;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** The first admin, created at start-up when set and the brand has no admin yet. */
@ConfigurationProperties("loyalty.bootstrap-admin")
record BootstrapAdminProperties(String username, String password) {

    public boolean isSet() {
        return username != null && !username.isBlank() && password != null && !password.isBlank();
    }
}
