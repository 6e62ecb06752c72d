package com.loyalty;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.jar.JarFile;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Test;

/**
 * The packaged jars (mvn verify, after package): the production jar carries no fake, demo data,
 * brand generator or bench route; the dev jar carries them and nothing else. The production jar,
 * started as production starts it, serves the web console it was built with at /console/.
 */
class ProductionJarIT {

    private static final Path TARGET = Path.of(System.getProperty("loyalty.target", "target"));
    private static final Path PRODUCTION = TARGET.resolve("loyalty-backend.jar");
    private static final Path DEV = TARGET.resolve("loyalty-backend-dev.jar");
    /** A class (nested ones too) whose name says it is a fake, demo data or a bench helper. */
    private static final Pattern DEV_CLASS = Pattern.compile("(^|.*[/$])(Fake|Demo|Bench)[^/]*\\.class");

    @Test
    void productionJarHasNoFakesDemoDataOrBenchRoutes() throws IOException {
        List<String> entries = entries(PRODUCTION);

        assertThat(entries).contains("BOOT-INF/classes/com/loyalty/LoyaltyApplication.class",
                "BOOT-INF/classes/com/loyalty/wechat/WeChatConfig.class",
                "BOOT-INF/classes/com/loyalty/wechat/pay/WeChatPayConfig.class",
                "BOOT-INF/classes/com/loyalty/shared/config/DevelopmentDataCheck.class");
        assertThat(entries).noneMatch(e -> e.startsWith("BOOT-INF/classes/com/loyalty/dev/"));
        assertThat(entries).filteredOn(e -> e.startsWith("BOOT-INF/classes/"))
                .noneMatch(e -> DEV_CLASS.matcher(e).matches())
                .noneMatch(e -> e.endsWith("generate-brand.sql"))
                .noneMatch(e -> e.startsWith("BOOT-INF/classes/com/loyalty/demo/")
                        || e.startsWith("BOOT-INF/classes/com/loyalty/bench/"));
        // nor does a library bring them in
        assertThat(entries).filteredOn(e -> e.startsWith("BOOT-INF/lib/")).noneMatch(e -> e.contains("loyalty"));
    }

    @Test
    void productionJarStartsWithThePropertiesLauncherSoThatLoaderPathCanAddTheDevJar() throws IOException {
        try (JarFile jar = new JarFile(PRODUCTION.toFile())) {
            assertThat(jar.getManifest().getMainAttributes().getValue("Main-Class"))
                    .isEqualTo("org.springframework.boot.loader.launch.PropertiesLauncher");
            assertThat(jar.getManifest().getMainAttributes().getValue("Start-Class"))
                    .isEqualTo(LoyaltyApplication.class.getName());
        }
    }

    @Test
    void devJarHasTheFakesDemoDataGeneratorAndBenchRoutesAndNothingElse() throws IOException {
        List<String> entries = entries(DEV);

        assertThat(entries).contains("com/loyalty/dev/wechat/FakeWeChatServer.class",
                "com/loyalty/dev/wechat/FakeWeChatConfig.class",
                "com/loyalty/dev/wechat/pay/FakeWeChatPayServer.class",
                "com/loyalty/dev/wechat/pay/FakeWeChatPayConfig.class",
                "com/loyalty/dev/demo/DemoData.class",
                "com/loyalty/dev/demo/BrandGenerator.class",
                "com/loyalty/dev/demo/generate-brand.sql",
                "com/loyalty/dev/bench/BenchRoutes.class");
        assertThat(entries).allMatch(e -> e.startsWith("META-INF/") || e.startsWith("com/loyalty/dev/")
                || e.equals("com/") || e.equals("com/loyalty/"));
        // the tests of the dev code are not in it
        assertThat(entries).noneMatch(e -> e.endsWith("Test.class") || e.endsWith("IT.class"));
    }

    /**
     * Starts the production jar in production mode (no profile, secrets of its own, the run's
     * database and Redis key prefix from TestServices) and asks for /console/: the console's
     * index.html, packed from console/dist, with the console's Content-Security-Policy.
     */
    @Test
    void productionJarServesTheConsoleItWasBuiltWith() throws Exception {
        assertThat(entries(PRODUCTION)).as("the production jar holds the built console (console/dist: run "
                + "scripts/build-console before mvn verify)").contains("BOOT-INF/classes/static/console/index.html");
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        SecureRandom random = new SecureRandom();
        Path log = TARGET.resolve("production-jar-it.log");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", PRODUCTION.toString(),
                "--server.port=" + port,
                "--spring.r2dbc.url=" + System.getProperty("spring.r2dbc.url"),
                "--spring.flyway.url=" + System.getProperty("spring.flyway.url"),
                "--loyalty.redis.key-prefix=" + System.getProperty("loyalty.redis.key-prefix"),
                "--loyalty.auth.jwt-secret=" + HexFormat.of().formatHex(random.generateSeed(32)),
                "--loyalty.crypto.phone-key=" + Base64.getEncoder().encodeToString(random.generateSeed(32)),
                "--loyalty.wechat.app-id=wx-production-jar-it",
                "--loyalty.wechat.secret=" + HexFormat.of().formatHex(random.generateSeed(16)),
                "--loyalty.media.public-url=https://loyalty.example.cn",
                "--loyalty.media.local.directory=" + TARGET.resolve("production-jar-it-media"),
                "--loyalty.jobs.scheduled=false"));
        Process backend = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            URI console = URI.create("http://127.0.0.1:" + port + "/console/");
            HttpResponse<String> page = null;
            long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
            while (page == null && System.nanoTime() < deadline) {
                assertThat(backend.isAlive()).as("the production jar is running (see " + log + ")").isTrue();
                try {
                    page = http.send(HttpRequest.newBuilder(console).timeout(Duration.ofSeconds(10)).build(),
                            HttpResponse.BodyHandlers.ofString());
                } catch (IOException notYet) {
                    Thread.sleep(500);
                }
            }
            assertThat(page).as("an answer from " + console + " within 3 minutes (see " + log + ")").isNotNull();
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
            assertThat(page.headers().firstValue("Content-Security-Policy")).hasValue("default-src 'self'; script-src 'self'; "
                    + "style-src 'self'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; object-src 'none'; "
                    + "base-uri 'self'; form-action 'self'; frame-ancestors 'none'");
            assertThat(page.body()).isEqualTo(packedIndex());
        } finally {
            backend.destroy();
            if (!backend.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                backend.destroyForcibly().waitFor();
            }
        }
    }

    /** The console's index.html as the production jar holds it. */
    private static String packedIndex() throws IOException {
        try (JarFile jar = new JarFile(PRODUCTION.toFile())) {
            return new String(jar.getInputStream(jar.getEntry("BOOT-INF/classes/static/console/index.html")).readAllBytes(),
                    java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    private static List<String> entries(Path jar) throws IOException {
        assertThat(jar).as("built by mvn package").exists();
        assertThat(Files.size(jar)).isPositive();
        try (JarFile file = new JarFile(jar.toFile())) {
            return Collections.list(file.entries()).stream().map(ZipEntry::getName).toList();
        }
    }
}
