package com.loyalty.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.loyalty.support.IntegrationTest;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.server.PathContainer;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

/**
 * The built console served at /console from loyalty.console.location (here a temporary directory
 * holding a console's index.html and a hashed asset, next to a file that must never be served):
 * the app for every console route, its files with the right caching, the strict security headers
 * on every answer, 404 for missing files, nothing from outside the location, and a clear 404 when
 * no console was built.
 */
class ConsolePagesTest extends IntegrationTest {

    private static final Path ROOT;
    private static final Path DIST;
    private static final String INDEX = "<!doctype html><html><head><meta charset=\"UTF-8\"><title>会员管理后台</title>"
            + "<script type=\"module\" src=\"/console/assets/index-Bq3xY9.js\"></script></head><body><div id=\"app\"></div></body></html>";
    private static final String SCRIPT = "console.log('控制台')";
    private static final String SECRET = "jwt-secret=do-not-serve-me";
    private static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; "
            + "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
            + "frame-ancestors 'none'";

    static {
        try {
            ROOT = Files.createTempDirectory("console-pages-test");
            DIST = Files.createDirectories(ROOT.resolve("dist"));
            Files.writeString(DIST.resolve("index.html"), INDEX);
            Files.createDirectories(DIST.resolve("assets"));
            Files.writeString(DIST.resolve("assets/index-Bq3xY9.js"), SCRIPT);
            Files.writeString(DIST.resolve("favicon.svg"), "<svg xmlns=\"http://www.w3.org/2000/svg\"/>");
            Files.writeString(ROOT.resolve("secret.txt"), SECRET);
            Files.createDirectories(ROOT.resolve("dist-other"));
            Files.writeString(ROOT.resolve("dist-other/secret.txt"), SECRET);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @DynamicPropertySource
    static void consoleLocation(DynamicPropertyRegistry registry) {
        registry.add("loyalty.console.location", () -> DIST.toUri().toString());
    }

    @Test
    void everyConsoleRouteLoadsTheAppWhichIsNeverCached() {
        for (String path : List.of("/console", "/console/", "/console/members/12", "/console/members/12/",
                "/console/analytics/churn?storeId=3&from=2026-11-01", "/console/index.html")) {
            EntityExchangeResult<String> page = get(path);
            assertThat(page.getStatus().value()).as(path).isEqualTo(200);
            assertThat(page.getResponseBody()).as(path).isEqualTo(INDEX);
            assertThat(page.getResponseHeaders().getContentType().isCompatibleWith(MediaType.TEXT_HTML)).as(path).isTrue();
            assertThat(page.getResponseHeaders().getCacheControl()).as(path).isEqualTo("no-cache");
        }
    }

    @Test
    void hashedAssetsAreCachedForAYearAndOtherFilesRevalidated() {
        EntityExchangeResult<String> script = get("/console/assets/index-Bq3xY9.js");
        assertThat(script.getStatus().value()).isEqualTo(200);
        assertThat(script.getResponseBody()).isEqualTo(SCRIPT);
        assertThat(script.getResponseHeaders().getContentType().toString()).contains("javascript");
        assertThat(script.getResponseHeaders().getCacheControl()).isEqualTo("max-age=31536000, public, immutable");

        EntityExchangeResult<String> icon = get("/console/favicon.svg");
        assertThat(icon.getStatus().value()).isEqualTo(200);
        assertThat(icon.getResponseHeaders().getContentType().toString()).startsWith("image/svg+xml");
        assertThat(icon.getResponseHeaders().getCacheControl()).isEqualTo("no-cache");
    }

    @Test
    void aMissingFileWithAnExtensionIsNotFoundRatherThanTheApp() {
        for (String path : List.of("/console/assets/index-gone.js", "/console/missing.css", "/console/members/12.json")) {
            EntityExchangeResult<String> missing = get(path);
            assertThat(missing.getStatus().value()).as(path).isEqualTo(404);
            assertThat(missing.getResponseBody()).as(path).isNull();
        }
    }

    @Test
    void everyConsoleAnswerCarriesTheStrictSecurityHeaders() {
        List<EntityExchangeResult<?>> answers = List.of(get("/console/"), get("/console/members/12"),
                get("/console/assets/index-Bq3xY9.js"), get("/console/missing.css"),
                http().post().uri("/console/session/refresh").exchange().expectBody(Map.class).returnResult(),
                http().post().uri("/console/session/refresh").header("X-Requested-With", "loyalty-console")
                        .exchange().expectBody(Map.class).returnResult());
        for (EntityExchangeResult<?> answer : answers) {
            HttpHeaders headers = answer.getResponseHeaders();
            String what = answer.getUrl() + " " + answer.getStatus();
            assertThat(headers.get("Content-Security-Policy")).as(what).containsExactly(CSP);
            assertThat(headers.get("X-Content-Type-Options")).as(what).containsExactly("nosniff");
            assertThat(headers.get("Referrer-Policy")).as(what).containsExactly("same-origin");
            assertThat(headers.get("X-Frame-Options")).as(what).containsExactly("DENY");
        }
        assertThat(ConsoleHeaders.CONTENT_SECURITY_POLICY).isEqualTo(CSP);
        // the GraphQL endpoint is not the console's business
        assertThat(http().get().uri("/graphql").exchange().returnResult(String.class).getResponseHeaders()
                .get("Content-Security-Policy")).isNull();
    }

    @Test
    void nothingOutsideTheConsoleLocationIsServed() {
        for (String path : List.of("/console/../secret.txt", "/console/%2e%2e/secret.txt", "/console/%2E%2E/secret.txt",
                "/console/assets/../../secret.txt", "/console/assets/%2e%2e/%2e%2e/secret.txt",
                "/console/..%2fsecret.txt", "/console/%2e%2e%2fsecret.txt", "/console/..%5csecret.txt",
                "/console/..;/secret.txt", "/console/%2e%2e;x=1/secret.txt", "/console/../dist-other/secret.txt",
                "/console/%2e%2e/dist-other/secret.txt", "/console//secret.txt", "/console/./../secret.txt",
                "/console/%252e%252e/secret.txt", "/console/" + ROOT.resolve("secret.txt").toString().substring(1),
                "/console/file:%2f%2f" + ROOT.resolve("secret.txt").toString().substring(1))) {
            String answer = rawGet(path);
            assertThat(answer).as(path).doesNotContain(SECRET);
            assertThat(answer.lines().findFirst().orElse("")).as(path).matches("HTTP/1\\.1 (400|404) .*");
        }
    }

    /** The same paths as the router sees them, without the firewall in front that refuses most of them already. */
    @Test
    void pathsThatCouldLeaveTheLocationNameNoFile() {
        for (String path : List.of("/console/..", "/console/../secret.txt", "/console/%2e%2e/secret.txt",
                "/console/assets/%2E%2E/x.js", "/console/..%2fsecret.txt", "/console/..%5csecret.txt",
                "/console/%2e%2e;x=1/secret.txt", "/console//secret.txt", "/console/./index.html",
                "/console/.env", "/console/assets/.hidden.js", "/console/a%00b.js", "/console/%E6%96%87/x.js",
                "/console/members/..", "/console/members/a%2fb")) {
            assertThat(ConsolePages.segments(PathContainer.parsePath(path))).as(path).isEmpty();
        }
        assertThat(ConsolePages.segments(PathContainer.parsePath("/console"))).contains(List.of());
        assertThat(ConsolePages.segments(PathContainer.parsePath("/console/"))).contains(List.of());
        assertThat(ConsolePages.segments(PathContainer.parsePath("/console/assets/index-Bq3xY9.js")))
                .contains(List.of("assets", "index-Bq3xY9.js"));
        // a console route's last segment only ever selects index.html: any text without separators
        assertThat(ConsolePages.segments(PathContainer.parsePath("/console/members/%E5%BC%A0%E4%B8%89")))
                .contains(List.of("members", "张三"));
    }

    @Test
    void withoutABuiltConsoleEveryConsoleRouteSaysToBuildIt() throws IOException {
        Path index = DIST.resolve("index.html");
        Path aside = ROOT.resolve("index.html.aside");
        Files.move(index, aside);
        try {
            for (String path : List.of("/console", "/console/", "/console/members/12")) {
                EntityExchangeResult<String> page = get(path);
                assertThat(page.getStatus().value()).as(path).isEqualTo(404);
                assertThat(page.getResponseHeaders().getContentType().isCompatibleWith(MediaType.TEXT_PLAIN)).isTrue();
                assertThat(page.getResponseBody()).as(path).contains("scripts/build-console");
                assertThat(page.getResponseHeaders().get("Content-Security-Policy")).containsExactly(CSP);
            }
            // the API is still there
            assertThat(http().get().uri("/actuator/health").exchange().returnResult(String.class).getStatus().value())
                    .isEqualTo(200);
        } finally {
            Files.move(aside, index);
        }
        assertThat(get("/console/").getResponseBody()).isEqualTo(INDEX);
    }

    private EntityExchangeResult<String> get(String path) {
        return http().get().uri(path).exchange().expectBody(String.class).returnResult();
    }

    /** Sends the request line exactly as written (no client-side normalisation) and returns the whole answer. */
    private String rawGet(String path) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout((int) PATIENCE.toMillis());
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
