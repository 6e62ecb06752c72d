package com.loyalty.shared;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.loyalty.shared.config.RequestIds;
import com.loyalty.support.IntegrationTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;

/** Every request carries an id from the response header into the access log. */
class RequestIdsTest extends IntegrationTest {

    private final Logger access = (Logger) LoggerFactory.getLogger("com.loyalty.access");
    private final ListAppender<ILoggingEvent> lines = new ListAppender<>() {
        @Override
        protected void append(ILoggingEvent line) {
            // a line reads its MDC when first asked: ask now, on the thread that logs it, not later
            // on the test's thread (whose MDC is empty) while the request's thread is still logging it
            line.prepareForDeferredProcessing();
            super.append(line);
        }
    };

    @BeforeEach
    void listen() {
        lines.start();
        access.addAppender(lines);
        access.setLevel(Level.INFO);
    }

    @AfterEach
    void stopListening() {
        access.detachAppender(lines);
        access.setLevel(null);
    }

    @Test
    void theCallersRequestIdIsAnsweredAndLoggedWithTheRequest() throws InterruptedException {
        http().post().uri("/graphql").header(RequestIds.HEADER, "till-42.7").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("query", "{ __typename }")).exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(RequestIds.HEADER, "till-42.7");

        // the line is written once the response has gone out, so it may come a moment later
        long deadline = System.currentTimeMillis() + 10_000;
        while (logged().stream().noneMatch(line -> "till-42.7".equals(line.getMDCPropertyMap().get("requestId")))
                && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        assertThat(logged()).anySatisfy(line -> {
            assertThat(line.getMDCPropertyMap()).containsEntry("requestId", "till-42.7");
            assertThat(line.getFormattedMessage()).startsWith("POST /graphql 200 ");
        });
    }

    @Test
    void aMissingOrInsaneRequestIdIsReplacedByANewOne() {
        String given = http().get().uri("/actuator/health").header(RequestIds.HEADER, "bad id \"quoted\" & far too long ".repeat(4)).exchange()
                .expectStatus().isOk()
                .returnResult(String.class).getResponseHeaders().getFirst(RequestIds.HEADER);

        assertThat(given).matches("[0-9a-f-]{36}");
    }

    /** What the access log got so far (the appender adds under its own lock). */
    private List<ILoggingEvent> logged() {
        synchronized (lines) {
            return List.copyOf(lines.list);
        }
    }
}
