package com.loyalty.shared.config;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Refuses to start a production deployment (no dev, test or bench profile) that carries
 * development settings: the fake WeChat or WeChat Pay, demo data, SMS written to the log, forwarded
 * headers believed from anyone, avatars handed out at an address that is not public https, the
 * console's refresh cookie allowed over plain http, or a secret that is a development default from
 * this repository (what is in the database: {@link DevelopmentDataCheck}).
 */
@Component
public class ProductionSafetyCheck {

    static final Set<String> NON_PRODUCTION_PROFILES = Set.of("dev", "test", "bench");

    /** The secrets committed for dev, test and bench, which anyone can read. */
    static final Set<String> PUBLIC_SECRETS = Set.of(
            "dev-only-jwt-secret-change-me-0123456789abcdef",
            "test-only-jwt-secret-0123456789abcdef-0123456789",
            "bench-only-jwt-secret-0123456789abcdef-0123",
            "ZGV2LW9ubHktcGhvbmUta2V5LTMyLWJ5dGVzLWxvbiE=",
            "dGVzdC1vbmx5LXBob25lLWtleS0zMi1ieXRlcy0hISE=",
            "YmVuY2gtb25seS1waG9uZS1rZXktMzItYnl0ZXMtISE=",
            "admin-dev-password", "dev-secret", "test-secret", "bench-secret");

    public ProductionSafetyCheck(Environment environment) {
        List<String> problems = problems(environment);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Refusing to start in production with development settings: "
                    + String.join("; ", problems)
                    + ". Set real values in the environment, or run with the dev profile for development.");
        }
    }

    /** Production mode: none of the dev, test or bench profiles is active. */
    public static boolean isProduction(Environment env) {
        return Arrays.stream(env.getActiveProfiles()).noneMatch(NON_PRODUCTION_PROFILES::contains);
    }

    /** What is wrong for production; empty when fine or when a non-production profile is active. */
    static List<String> problems(Environment env) {
        List<String> problems = new ArrayList<>();
        if (!isProduction(env)) {
            return problems;
        }
        if (env.getProperty("loyalty.wechat.fake", Boolean.class, false)) {
            problems.add("loyalty.wechat.fake=true (the dev jar's fake WeChat signs anyone in)");
        }
        if (env.getProperty("loyalty.wechat-pay.fake", Boolean.class, false)) {
            problems.add("loyalty.wechat-pay.fake=true (anyone could have the fake WeChat Pay credit a recharge)");
        }
        String forwarded = env.getProperty("server.forward-headers-strategy", "none").strip().toLowerCase();
        if (!forwarded.equals("none")) {
            problems.add("server.forward-headers-strategy=" + forwarded + " (it believes X-Forwarded-For from every "
                    + "caller; list the proxies in loyalty.http.trusted-proxies instead)");
        }
        if (env.getProperty("loyalty.demo-data", Boolean.class, false)) {
            problems.add("loyalty.demo-data=true");
        }
        if (env.getProperty("loyalty.wechat.official-account.fake", Boolean.class, false)) {
            problems.add("loyalty.wechat.official-account.fake=true (template messages would go to the dev jar's fake)");
        }
        if (env.getProperty("loyalty.notify.aliyun.fake", Boolean.class, false)) {
            problems.add("loyalty.notify.aliyun.fake=true (SMS would go to the dev jar's fake provider, not to members)");
        }
        if ("log".equals(env.getProperty("loyalty.notify.sms-provider"))) {
            problems.add("loyalty.notify.sms-provider=log (SMS would only be written to the log)");
        }
        String mediaUrl = env.getProperty("loyalty.media.public-url");
        if (mediaUrl != null && !mediaUrl.strip().toLowerCase().startsWith("https://")) {
            problems.add("loyalty.media.public-url=" + mediaUrl + " (set LOYALTY_MEDIA_PUBLIC_URL to the backend's public "
                    + "https address: members' avatars are served from it and the mini-program loads only https)");
        }
        if (!env.getProperty("loyalty.console.secure-cookie", Boolean.class, true)) {
            problems.add("loyalty.console.secure-cookie=false (the console's refresh cookie would also travel over "
                    + "plain http; serve the console over https)");
        }
        for (String key : List.of("loyalty.auth.jwt-secret", "loyalty.crypto.phone-key", "loyalty.wechat.secret",
                "loyalty.bootstrap-admin.password", "loyalty.notify.aliyun.access-key-secret",
                "loyalty.notify.aliyun.callback-token", "loyalty.wechat.official-account.secret",
                "loyalty.wechat.official-account.token")) {
            String value = env.getProperty(key);
            if (value != null && (PUBLIC_SECRETS.contains(value) || value.contains("-only-"))) {
                problems.add(key + " is a development default");
            }
        }
        return problems;
    }
}
