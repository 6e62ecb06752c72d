package com.loyalty.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * One naming rule for data access: a class that runs SQL (holds a {@link DatabaseClient}) is a
 * {@code *Repository}; a module's read-side service ({@code *Queries}) and its other services go
 * through one and run no SQL themselves.
 */
class DataAccessNamingTest {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
            .importPackages("com.loyalty");

    @Test
    void onlyRepositoriesRunSql() {
        ArchRule rule = noClasses()
                .that().haveSimpleNameNotEndingWith("Repository")
                // shared is infrastructure, not a module: DevelopmentDataCheck.Traces reads staff and
                // purchase rows directly to refuse a production start over development data
                .and().resideOutsideOfPackages("com.loyalty.shared..")
                .should().dependOnClassesThat().areAssignableTo(DatabaseClient.class)
                .because("a class that runs SQL is named *Repository (package-private unless another package"
                        + " needs it); *Queries and the other services go through repositories");
        rule.check(MAIN);
    }
}
