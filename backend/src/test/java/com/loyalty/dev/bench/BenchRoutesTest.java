package com.loyalty.dev.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.loyalty.support.IntegrationTest;
import com.loyalty.support.Till;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.test.context.ActiveProfiles;

/** The bench profile's plain-REST route answers exactly what the bench's GraphQL {@code me} answers. */
@ActiveProfiles("bench")
class BenchRoutesTest extends IntegrationTest {

    @Test
    void restMeReturnsTheSameMemberTierProgressAndBalanceAsGraphQlMe() throws IOException {
        String name = unique("bench");
        String token = (String) login(name).get("accessToken");
        String memberId = idOf(withToken(token));
        new Till(newStaff(createStore("bench"), "CLERK")).earn(memberId, unique("o"), 95_000);

        String document = Files.readString(Path.of("../bench/graphql/me.graphql"));
        Map<String, Object> graphQl = withToken(token).document(document).execute()
                .path("me").entity(new ParameterizedTypeReference<Map<String, Object>>() { }).get();
        Map<String, Object> rest = http().get().uri("/bench/me").header("Authorization", "Bearer " + token)
                .exchange().expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<Map<String, Map<String, Object>>>() { })
                .returnResult().getResponseBody().get("me");

        assertThat(rest).isEqualTo(graphQl);
        assertThat(graphQl.get("pointsBalance")).isNotEqualTo(0);
        assertThat(((Map<?, ?>) graphQl.get("tier")).get("name")).isEqualTo("银卡");
    }

    @Test
    void restMeNeedsASignedInMember() {
        http().get().uri("/bench/me").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void floorRouteAnswersWhatGraphQlTypenameAnswersForASignedInMemberOnly() throws IOException {
        String token = (String) login(unique("floor")).get("accessToken");
        String document = Files.readString(Path.of("../bench/graphql/floor.graphql"));
        String graphQl = withToken(token).document(document).execute().path("__typename").entity(String.class).get();
        Map<String, Map<String, Object>> rest = http().get().uri("/bench/floor")
                .header("Authorization", "Bearer " + token).exchange().expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<Map<String, Map<String, Object>>>() { })
                .returnResult().getResponseBody();

        assertThat(rest).isEqualTo(Map.of("data", Map.of("__typename", graphQl)));
        http().get().uri("/bench/floor?statements=14").header("Authorization", "Bearer " + token).exchange()
                .expectStatus().isOk().expectBody().json("{\"data\":{\"__typename\":\"Query\"}}");
        http().get().uri("/bench/floor").exchange().expectStatus().isUnauthorized();
        http().get().uri("/bench/floor?statements=14").exchange().expectStatus().isUnauthorized();
    }
}
