package com.loyalty.support;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * A system on the other end of a webhook: a real HTTP server on 127.0.0.1 that records every request
 * and answers as told (a status, after a delay), or is down (nothing listening on its port).
 */
public final class WebhookReceiver implements AutoCloseable {

    /** One request as received: headers (lower-case names) and the raw body. */
    public record Received(Map<String, String> headers, String body) {

        public String header(String name) {
            return headers.get(name.toLowerCase());
        }
    }

    private final int port;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private volatile int status = 200;
    private volatile String answer = "{\"ok\":true}";
    private volatile Duration delay = Duration.ZERO;
    private HttpServer server;

    private WebhookReceiver(int port) {
        this.port = port;
    }

    /** A receiver listening now. */
    public static WebhookReceiver up() {
        WebhookReceiver receiver = new WebhookReceiver(freePort());
        receiver.start();
        return receiver;
    }

    /** A receiver whose port nobody listens on yet (the system is down); {@link #start()} brings it up. */
    public static WebhookReceiver down() {
        return new WebhookReceiver(freePort());
    }

    public String url() {
        return "http://127.0.0.1:" + port + "/hooks/loyalty";
    }

    public synchronized void start() {
        if (server != null) {
            return;
        }
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 50);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newFixedThreadPool(16));
        server.createContext("/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            Map<String, String> headers = new java.util.HashMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), values.get(0)));
            try {
                Thread.sleep(delay.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            received.add(new Received(headers, new String(body, StandardCharsets.UTF_8)));
            byte[] out = answer.getBytes(StandardCharsets.UTF_8);
            try {
                exchange.sendResponseHeaders(status, out.length);
                exchange.getResponseBody().write(out);
            } catch (IOException e) {
                // the sender gave up waiting
            } finally {
                exchange.close();
            }
        });
        server.start();
    }

    /** Stops listening: the port refuses connections. */
    public synchronized void stop() {
        if (server != null) {
            server.stop(0);
            ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
            server = null;
        }
    }

    public WebhookReceiver answering(int status, String answer) {
        this.status = status;
        this.answer = answer;
        return this;
    }

    public WebhookReceiver slow(Duration delay) {
        this.delay = delay;
        return this;
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    /** The requests that carried this event type (Loyalty-Event-Type). */
    public List<Received> received(String eventType) {
        return received.stream().filter(r -> eventType.equals(r.header("Loyalty-Event-Type"))).toList();
    }

    @Override
    public void close() {
        stop();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
