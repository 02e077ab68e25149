package io.datamind;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.GeneralCodingRules;
import org.junit.jupiter.api.Test;

/** Rules Spring Modulith does not check. */
class ArchitectureRulesTest {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.datamind");

    @Test
    void onlyTheQueryModuleOpensConnectionsToCustomerDatabases() {
        // One runner for chat, SQL editor, dashboards and alerts: read-only settings, limits and pooling live
        // there, so nothing else may open a customer connection. The sample module only writes its own file, and the
        // upload module only the organizations' own uploads databases (read back through the runner like any other).
        noClasses()
                .that()
                .resideOutsideOfPackages("io.datamind.query..", "io.datamind.sample..", "io.datamind.upload..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.duckdb..",
                        "org.sqlite..",
                        "org.mariadb..",
                        "com.mysql..",
                        "org.postgresql..",
                        "com.microsoft.sqlserver..",
                        "com.clickhouse..",
                        "io.trino..",
                        "com.zaxxer.hikari..")
                .orShould()
                .dependOnClassesThat()
                .haveFullyQualifiedName("java.sql.DriverManager")
                .orShould()
                .dependOnClassesThat()
                .haveFullyQualifiedName("java.sql.Driver")
                .because("customer databases are reached only through the query runner")
                .allowEmptyShould(true)
                .check(MAIN);
    }

    @Test
    void noFieldInjection() {
        GeneralCodingRules.NO_CLASSES_SHOULD_USE_FIELD_INJECTION.check(MAIN);
    }

    @Test
    void noPrintingOrJavaUtilLogging() {
        GeneralCodingRules.NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS.check(MAIN);
        GeneralCodingRules.NO_CLASSES_SHOULD_USE_JAVA_UTIL_LOGGING.check(MAIN);
    }
}
