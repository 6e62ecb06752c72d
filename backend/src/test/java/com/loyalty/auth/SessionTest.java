package com.loyalty.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.loyalty.support.IntegrationTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.redisson.api.RedissonClient;
import org.springframework.beans.factory.annotation.Value;

class SessionTest extends IntegrationTest {

    @Value("${loyalty.redis.key-prefix}")
    String keyPrefix;

    @Test
    void refreshGivesANewPairAndTheOldRefreshTokenStopsWorking() {
        String first = (String) login(unique("rot")).get("refreshToken");

        Map<?, ?> refreshed = refresh(first).path("refreshSession").entity(Map.class).get();
        String second = (String) refreshed.get("refreshToken");

        assertThat(second).isNotEqualTo(first);
        withToken((String) refreshed.get("accessToken")).documentName("me").execute().path("me.id").hasValue();
        refresh(second).path("refreshSession.userErrors").entityList(Object.class).hasSize(0);
    }

    @Test
    void presentingARotatedTokenAgainRevokesEveryTokenOfThatLogin() {
        String stolen = (String) login(unique("thief")).get("refreshToken");
        String current = refresh(stolen).path("refreshSession.refreshToken").entity(String.class).get();

        refresh(stolen)
                .path("refreshSession.accessToken").valueIsNull()
                .path("refreshSession.userErrors[0].code").entity(String.class).isEqualTo("REFRESH_TOKEN_REUSED");
        refresh(current)
                .path("refreshSession.userErrors[0].code").entity(String.class).isEqualTo("REFRESH_TOKEN_INVALID");
    }

    @Test
    void reuseRevokesOnlyThatLoginNotTheMembersOtherDevices() {
        String name = unique("two-phones");
        String phoneA = (String) login(name).get("refreshToken");
        String phoneB = (String) login(name).get("refreshToken");

        refresh(phoneA);
        refresh(phoneA).path("refreshSession.userErrors[0].code").entity(String.class).isEqualTo("REFRESH_TOKEN_REUSED");

        refresh(phoneB).path("refreshSession.userErrors").entityList(Object.class).hasSize(0);
    }

    @Test
    void logoutEndsTheLogin() {
        String token = (String) login(unique("bye")).get("refreshToken");

        anonymous().documentName("logout").variable("refreshToken", token).execute()
                .path("logout.revoked").entity(Boolean.class).isEqualTo(true);

        refresh(token).path("refreshSession.userErrors[0].code").entity(String.class).isEqualTo("REFRESH_TOKEN_INVALID");
        anonymous().documentName("logout").variable("refreshToken", token).execute()
                .path("logout.revoked").entity(Boolean.class).isEqualTo(false);
    }

    @Test
    void garbageRefreshTokenIsInvalid() {
        refresh("nonsense").path("refreshSession.userErrors[0].code").entity(String.class)
                .isEqualTo("REFRESH_TOKEN_INVALID");
        refresh("abc.def").path("refreshSession.userErrors[0].code").entity(String.class)
                .isEqualTo("REFRESH_TOKEN_INVALID");
    }

    @Test
    void refreshTokensAreStoredHashedUnderTheRunsKeyPrefix() {
        String token = (String) login(unique("vault")).get("refreshToken");
        String family = token.substring(0, token.indexOf('.'));

        // read Redis without the name mapper, as an operator would
        org.redisson.config.Config raw = new org.redisson.config.Config();
        raw.useSingleServer().setAddress("redis://127.0.0.1:6379");
        RedissonClient plain = org.redisson.Redisson.create(raw);
        try {
            String key = keyPrefix + "auth:refresh:" + family;
            Map<String, String> stored = plain.<String, String>getMap(key, org.redisson.client.codec.StringCodec.INSTANCE)
                    .readAllMap();
            assertThat(stored).containsKey("current").doesNotContainValue(token);
            assertThat(stored.get("current")).hasSize(64);
            assertThat(plain.getKeys().remainTimeToLive(key)).isGreaterThan(29L * 24 * 3600 * 1000);
        } finally {
            plain.shutdown();
        }
    }

    private org.springframework.graphql.test.tester.GraphQlTester.Response refresh(String token) {
        return anonymous().documentName("refreshSession").variable("refreshToken", token).execute();
    }
}
