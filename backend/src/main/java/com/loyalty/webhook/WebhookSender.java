package com.loyalty.webhook;

import io.netty.channel.ChannelOption;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;

/**
 * POSTs one signed delivery and says how it went: never fails, a refused connection, a timeout or
 * a non-2xx answer is an unsuccessful {@link Sent}. Redirects are not followed (a 3xx is a failure).
 */
@Component
class WebhookSender {

    /** How much of the receiver's answer the delivery log keeps. */
    static final int SNIPPET_BYTES = 512;
    static final String USER_AGENT = "Loyalty-Webhooks/1";

    private final WebClient http;
    private final Duration readTimeout;
    private final Duration connectTimeout;
    private final Clock clock;

    WebhookSender(WebhookProperties settings, Clock clock) {
        this.readTimeout = settings.readTimeout();
        this.connectTimeout = settings.connectTimeout();
        this.clock = clock;
        HttpClient client = HttpClient.create()
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) settings.connectTimeout().toMillis())
                .responseTimeout(settings.readTimeout())
                .followRedirect(false);
        this.http = WebClient.builder().clientConnector(new ReactorClientHttpConnector(client)).build();
    }

    /** What one attempt came to: the status code (null when none came), the error, the start of the answer, how long. */
    record Sent(Integer statusCode, String error, String snippet, int durationMs) {

        boolean ok() {
            return error == null && statusCode != null && statusCode >= 200 && statusCode < 300;
        }
    }

    Mono<Sent> send(String url, String eventId, String eventType, String body, List<String> secrets) {
        long started = System.nanoTime();
        long t = clock.instant().getEpochSecond();
        return http.post().uri(url)
                .contentType(MediaType.APPLICATION_JSON)
                .header("User-Agent", USER_AGENT)
                .header(WebhookSignature.SIGNATURE, WebhookSignature.header(t, body, secrets))
                .header(WebhookSignature.EVENT_ID, eventId)
                .header(WebhookSignature.EVENT_TYPE, eventType)
                .bodyValue(body)
                .exchangeToMono(response -> DataBufferUtils.join(
                                DataBufferUtils.takeUntilByteCount(response.bodyToFlux(DataBuffer.class), SNIPPET_BYTES))
                        .map(WebhookSender::text)
                        .defaultIfEmpty("")
                        .map(snippet -> {
                            int code = response.statusCode().value();
                            boolean ok = code >= 200 && code < 300;
                            return new Sent(code, ok ? null : "HTTP " + code, snippet.isEmpty() ? null : snippet,
                                    millisSince(started));
                        }))
                .timeout(connectTimeout.plus(readTimeout).plusSeconds(1))
                .onErrorResume(e -> Mono.just(new Sent(null, describe(e), null, millisSince(started))));
    }

    private static String text(DataBuffer buffer) {
        try {
            String s = buffer.toString(StandardCharsets.UTF_8);
            // the byte limit may cut a character in two
            return s.endsWith("\uFFFD") ? s.substring(0, s.length() - 1) : s;
        } finally {
            DataBufferUtils.release(buffer);
        }
    }

    private static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String kind = root instanceof java.util.concurrent.TimeoutException
                || root instanceof io.netty.handler.timeout.ReadTimeoutException
                || root.getClass().getSimpleName().contains("Timeout") ? "timeout" : root.getClass().getSimpleName();
        String message = root.getMessage() == null ? "" : ": " + root.getMessage();
        String text = kind + message;
        return text.length() > 300 ? text.substring(0, 300) : text;
    }

    private static int millisSince(long startedNanos) {
        return (int) Math.min(Integer.MAX_VALUE, (System.nanoTime() - startedNanos) / 1_000_000);
    }
}
