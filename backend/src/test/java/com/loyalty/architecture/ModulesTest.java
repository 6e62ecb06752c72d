package com.loyalty.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.loyalty.LoyaltyApplication;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The walls between feature modules (docs/architecture.md): each direct sub-package of
 * {@code com.loyalty} is a Spring Modulith application module; other modules use its top-level
 * public types (and named interfaces), never its sub-packages, its repositories or a cycle back.
 */
class ModulesTest {

    static final ApplicationModules MODULES = ApplicationModules.of(LoyaltyApplication.class);

    /** Main and test classes, imported once: the rules look at main classes; a repository a test in another package uses stays public. */
    static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
            .importPackages("com.loyalty");

    /** Where the module documentation lives, relative to backend/ (where Maven runs the tests). */
    static final Path DOCS = Path.of("..", "docs", "architecture");

    @Test
    void everyFeatureIsAModuleThatUsesOnlyOtherModulesPublishedTypesWithoutCycles() {
        MODULES.verify();
    }

    @Test
    void noModuleUsesAnotherModulesRepository() {
        noClasses().that(inProductionCode()).should(dependOnAnotherModules("Repository")).check(CLASSES);
    }

    @Test
    void repositoriesUsedOnlyInTheirPackageAreNotPublic() {
        classes().that().haveSimpleNameEndingWith("Repository").and(inProductionCode())
                .and(usedOnlyInTheirOwnPackage())
                .should().notHaveModifier(JavaModifier.PUBLIC)
                .because("a repository used only by its own package (and its tests) is package-private")
                .check(CLASSES);
    }

    /**
     * Writes Modulith's documentation (component diagrams, a canvas per module) into
     * target/modulith-docs and compares it with docs/architecture, line by line in any order
     * (the Documenter does not keep the order of relations from one run to the next); when they
     * differ, docs/architecture is replaced with the new files and the test fails until they are committed.
     */
    @Test
    void theModuleDocumentationInDocsArchitectureIsUpToDate() throws IOException {
        Path generated = Path.of("target", "modulith-docs");
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(generated.toString()))
                .writeDocumentation();
        Map<String, List<String>> fresh = read(generated);
        Map<String, List<String>> committed = read(DOCS);
        if (!fresh.equals(committed)) {
            replace(DOCS, generated);
        }
        assertThat(committed).as("docs/architecture was out of date and has been written again: commit it")
                .isEqualTo(fresh);
    }

    /** The module of a class: its package's first segment under com.loyalty ("(root)" for the application class). */
    static String moduleOf(JavaClass type) {
        String pkg = type.getPackageName();
        if (!pkg.startsWith("com.loyalty.")) {
            return pkg.equals("com.loyalty") ? "(root)" : null;
        }
        String rest = pkg.substring("com.loyalty.".length());
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }

    /** Depends on a class of another module whose (outermost) name ends with {@code suffix}. */
    static ArchCondition<JavaClass> dependOnAnotherModules(String suffix) {
        return new ArchCondition<>("depend on another module's *" + suffix) {
            @Override
            public void check(JavaClass origin, ConditionEvents events) {
                String module = moduleOf(origin);
                origin.getDirectDependenciesFromSelf().forEach(dependency -> {
                    JavaClass target = outermost(dependency.getTargetClass());
                    String targetModule = moduleOf(target);
                    if (target.getSimpleName().endsWith(suffix) && targetModule != null
                            && !targetModule.equals(module)) {
                        events.add(SimpleConditionEvent.satisfied(origin, dependency.getDescription()));
                    }
                });
            }
        };
    }

    static DescribedPredicate<JavaClass> usedOnlyInTheirOwnPackage() {
        return DescribedPredicate.describe("are used only in their own package", type ->
                type.getDirectDependenciesToSelf().stream()
                        .map(dependency -> dependency.getOriginClass().getPackageName())
                        .allMatch(type.getPackageName()::equals));
    }

    static DescribedPredicate<JavaClass> inProductionCode() {
        return DescribedPredicate.describe("are production code", type -> type.getSource()
                .map(source -> !source.getUri().toString().contains("/test-classes/")).orElse(false));
    }

    static JavaClass outermost(JavaClass type) {
        JavaClass current = type;
        while (current.getEnclosingClass().isPresent()) {
            current = current.getEnclosingClass().get();
        }
        return current;
    }

    /** Every file under the folder (relative name to its lines, sorted); empty when there is none. */
    static Map<String, List<String>> read(Path folder) throws IOException {
        Map<String, List<String>> files = new TreeMap<>();
        if (Files.isDirectory(folder)) {
            try (Stream<Path> paths = Files.walk(folder)) {
                for (Path path : paths.filter(Files::isRegularFile).toList()) {
                    files.put(folder.relativize(path).toString(), Files.readAllLines(path).stream().sorted().toList());
                }
            }
        }
        return files;
    }

    static void replace(Path target, Path source) throws IOException {
        if (Files.isDirectory(target)) {
            try (Stream<Path> paths = Files.walk(target)) {
                for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
        Files.createDirectories(target);
        try (Stream<Path> paths = Files.list(source)) {
            for (Path path : paths.toList()) {
                Files.copy(path, target.resolve(path.getFileName()));
            }
        }
    }
}
