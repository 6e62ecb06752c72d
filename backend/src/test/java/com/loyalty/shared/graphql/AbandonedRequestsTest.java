package com.loyalty.shared.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.graphql.execution.DefaultExecutionGraphQlService;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.graphql.server.TimeoutWebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.util.LinkedMultiValueMap;
import reactor.core.Disposable;
import reactor.core.publisher.Sinks;

/**
 * A client that disconnects mid-request is logged at DEBUG without a stack, not as an ERROR; a
 * request that times out is still reported.
 */
class AbandonedRequestsTest {

    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final Logger abandoned = (Logger) LoggerFactory.getLogger(AbandonedRequests.class);
    private final ListAppender<ILoggingEvent> lines = new ListAppender<>();
    private final Sinks.One<String> slowAnswer = Sinks.one();

    @BeforeEach
    void listen() {
        lines.start();
        root.addAppender(lines);
        abandoned.setLevel(Level.DEBUG);
    }

    @AfterEach
    void stopListening() {
        root.detachAppender(lines);
        abandoned.setLevel(null);
    }

    @Test
    void aClientThatGoesAwayMidRequestIsADebugLineWithoutAStack() throws InterruptedException {
        Disposable request = handler(Duration.ofSeconds(30)).handleRequest(request("{ slow }")).subscribe();
        Thread.sleep(100);

        request.dispose();              // the client disconnects: Spring cancels the execution
        slowAnswer.tryEmitValue("late"); // ... and the field it was fetching completes afterwards

        List<ILoggingEvent> debug = awaitLine(Level.DEBUG).stream()
                .filter(line -> line.getLoggerName().equals(AbandonedRequests.class.getName())).toList();
        assertThat(debug).singleElement().satisfies(line -> {
            assertThat(line.getFormattedMessage()).startsWith("The client went away before /slow was answered");
            assertThat(line.getThrowableProxy()).isNull();
        });
        assertThat(logged()).noneMatch(line -> line.getLevel().isGreaterOrEqual(Level.WARN));
    }

    @Test
    void aRequestThatTimesOutIsStillReportedAsAnError() throws InterruptedException {
        handler(Duration.ofMillis(50)).handleRequest(request("{ slow }")).onErrorComplete().subscribe();
        Thread.sleep(200);
        slowAnswer.tryEmitValue("late");

        assertThat(awaitLine(Level.ERROR)).isNotEmpty();
        assertThat(logged()).noneMatch(line -> line.getLoggerName().equals(AbandonedRequests.class.getName()));
    }

    /** Our interceptor outermost, the request timeout inside it, as the application orders them. */
    private WebGraphQlHandler handler(Duration timeout) {
        AbandonedRequests abandonedRequests = new AbandonedRequests();
        GraphQlSource source = GraphQlSource.schemaResourceBuilder()
                .schemaResources(new ByteArrayResource("type Query { slow: String }".getBytes()))
                .configureRuntimeWiring(wiring -> wiring.type("Query", type -> type.dataFetcher("slow", env -> slowAnswer.asMono())))
                .exceptionResolvers(List.of(abandonedRequests))
                .build();
        return WebGraphQlHandler.builder(new DefaultExecutionGraphQlService(source))
                .interceptors(List.of(abandonedRequests, new TimeoutWebGraphQlInterceptor(timeout)))
                .build();
    }

    private static WebGraphQlRequest request(String query) {
        return new WebGraphQlRequest(URI.create("http://localhost/graphql"), new HttpHeaders(), new LinkedMultiValueMap<>(),
                null, Map.of(), Map.of("query", query), "1", Locale.ROOT);
    }

    private List<ILoggingEvent> awaitLine(Level level) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 5_000;
        while (System.currentTimeMillis() < deadline) {
            List<ILoggingEvent> found = logged().stream().filter(line -> line.getLevel() == level).toList();
            if (!found.isEmpty()) {
                Thread.sleep(100); // anything else it logs comes with it
                return logged().stream().filter(line -> line.getLevel() == level).toList();
            }
            Thread.sleep(20);
        }
        return List.of();
    }

    private List<ILoggingEvent> logged() {
        synchronized (lines) {
            return List.copyOf(lines.list);
        }
    }
}
