package com.loyalty;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.jar.JarFile;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Test;

/**
 * The packaged jars (mvn verify, after package): the production jar carries no fake, demo data,
 * brand generator or bench route; the dev jar carries them and nothing else.
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

    private static List<String> entries(Path jar) throws IOException {
        assertThat(jar).as("built by mvn package").exists();
        assertThat(Files.size(jar)).isPositive();
        try (JarFile file = new JarFile(jar.toFile())) {
            return Collections.list(file.entries()).stream().map(ZipEntry::getName).toList();
        }
    }
}
