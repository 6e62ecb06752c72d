package com.loyalty.console;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The web console ({@code loyalty.console.*}, docs/operations.md "The console"): where its built
 * files are (a Spring resource location: {@code classpath:/static/console/}, where Maven packs
 * {@code console/dist}, or e.g. {@code file:/srv/console/}), and whether the refresh cookie is
 * marked {@code Secure} (sent over https only; false only in the dev profile, which runs on http).
 */
@ConfigurationProperties("loyalty.console")
record ConsoleProperties(
        @DefaultValue("classpath:/static/console/") String location,
        @DefaultValue("true") boolean secureCookie) {

    ConsoleProperties {
        location = location.endsWith("/") ? location : location + "/";
    }
}
