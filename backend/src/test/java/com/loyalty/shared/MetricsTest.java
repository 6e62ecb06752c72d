package com.loyalty.shared;

import static org.assertj.core.api.Assertions.assertThat;

import com.loyalty.notify.OutboxBacklogGauge;
import com.loyalty.shared.security.PrivateNetwork;
import com.loyalty.support.IntegrationTest;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** What Prometheus scrapes: request rate and errors (not each field's), data loader batches, job runs and the outbox backlog. */
class MetricsTest extends IntegrationTest {

    @Autowired
    OutboxBacklogGauge backlog;

    @Test
    void prometheusSeesRequestsJobRunsAndTheOutboxBacklog() {
        anonymous().document("{ __typename }").execute();
        member(unique("metrics")).document("{ me { tier { name } pointsBalance } }").execute()
                .path("me.tier.name").hasValue(); // both through data loaders
        admin().documentName("runJob").variable("job", "SEND_NOTIFICATIONS").execute()
                .path("runJob.userErrors").entityList(Object.class).hasSize(0);
        long pending = db.sql("select count(*) as n from notification_outbox where status = 'PENDING'")
                .map(row -> row.get("n", Long.class)).one().block();
        backlog.refresh().block();

        String scrape = http().get().uri("/actuator/prometheus").exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();

        assertThat(scrape)
                .contains("http_server_requests_seconds_count{")
                .contains("graphql_request_seconds_count{")
                .containsPattern("graphql_dataloader_seconds_count\\{.*loader_name=\"Member.pointsBalance\".*\\} [1-9]")
                // fields are not timed one by one (GraphQlObservationConfig): runJob was resolved, unobserved
                .doesNotContain("graphql_datafetcher")
                .containsPattern("loyalty_jobs_runs_total\\{job=\"SEND_NOTIFICATIONS\",outcome=\"done\"\\} [1-9]")
                .contains("loyalty_notifications_backlog " + (double) pending);
    }

    @Test
    void onlyCallersOnThisMachineOrAPrivateNetworkMayScrape() {
        assertThat(PrivateNetwork.contains(new InetSocketAddress("127.0.0.1", 1))).isTrue();
        assertThat(PrivateNetwork.contains(new InetSocketAddress("10.2.3.4", 1))).isTrue();
        assertThat(PrivateNetwork.contains(new InetSocketAddress("172.20.0.9", 1))).isTrue();
        assertThat(PrivateNetwork.contains(new InetSocketAddress("192.168.1.20", 1))).isTrue();
        assertThat(PrivateNetwork.contains(new InetSocketAddress("fd12:3456::1", 1))).isTrue();
        assertThat(PrivateNetwork.contains(new InetSocketAddress("8.8.8.8", 1))).isFalse();
        assertThat(PrivateNetwork.contains(new InetSocketAddress("172.32.0.1", 1))).isFalse();
        assertThat(PrivateNetwork.contains(new InetSocketAddress("2001:db8::1", 1))).isFalse();
    }
}
