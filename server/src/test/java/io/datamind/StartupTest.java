package io.datamind;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datamind.secrets.AppSecrets;
import io.datamind.support.TestServices;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Starting on a fresh embedded data directory, on PostgreSQL, again on the same data, and refusing bad secrets. */
@ExtendWith(OutputCaptureExtension.class)
class StartupTest {

    @Test
    void freshDataDirectoryThenRestartReusesDatabaseAndSecrets() throws Exception {
        Path dataDir = Files.createTempDirectory("datamind-startup");
        byte[] accessKey;
        byte[] masterKey;
        try (ConfigurableApplicationContext first = start(dataDir)) {
            accessKey = first.getBean(AppSecrets.class).jwtAccessKey();
            masterKey = first.getBean(AppSecrets.class).masterKey();
            JdbcClient jdbc = first.getBean(JdbcClient.class);
            jdbc.sql("INSERT INTO shedlock (name, lock_until, locked_at, locked_by) VALUES ('probe', ?, ?, 'test')")
                    .params(java.time.OffsetDateTime.now(), java.time.OffsetDateTime.now())
                    .update();
        }
        assertThat(Files.exists(dataDir.resolve("app/datamind.mv.db"))).isTrue();
        Path secret = dataDir.resolve("secrets/master.key");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(secret)))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(secret.getParent())))
                .isEqualTo("rwx------");

        try (ConfigurableApplicationContext second = start(dataDir)) {
            assertThat(second.getBean(AppSecrets.class).jwtAccessKey()).isEqualTo(accessKey);
            assertThat(second.getBean(AppSecrets.class).masterKey()).isEqualTo(masterKey);
            long rows = second.getBean(JdbcClient.class)
                    .sql("SELECT COUNT(*) FROM shedlock WHERE name = 'probe'")
                    .query(Long.class)
                    .single();
            assertThat(rows).isEqualTo(1);
        }
    }

    @Test
    void startsOnPostgresqlAndAppliesEveryMigration() throws Exception {
        String database = TestServices.createPostgresDatabase("startup");
        try (ConfigurableApplicationContext app = start(
                Files.createTempDirectory("datamind-pg"),
                "--spring.datasource.url=" + TestServices.postgresUrl(database),
                "--spring.datasource.username=" + TestServices.PG_USER)) {
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            assertThat(jdbc.sql("SELECT version()").query(String.class).single())
                    .startsWith("PostgreSQL");
            List<String> failed = jdbc.sql("SELECT script FROM flyway_schema_history WHERE NOT success")
                    .query(String.class)
                    .list();
            assertThat(failed).isEmpty();
            long applied = jdbc.sql("SELECT COUNT(*) FROM flyway_schema_history WHERE version IS NOT NULL")
                    .query(Long.class)
                    .single();
            assertThat(applied).isEqualTo(countMigrations());
        }
    }

    @Test
    void prodRefusesMissingSecretsAndNamesTheVariable(CapturedOutput output) throws Exception {
        Path dataDir = Files.createTempDirectory("datamind-prod");
        assertThatThrownBy(() -> startProd(dataDir, List.of())).isInstanceOf(Exception.class);
        assertThat(output.getOut() + output.getErr())
                .contains("DATAMIND_JWT_ACCESS_KEY is not set")
                .contains("openssl rand -base64 32");
        assertThat(Files.exists(dataDir.resolve("secrets"))).isFalse();
    }

    @Test
    void prodRefusesShortAndKnownDefaultSecrets(CapturedOutput output) throws Exception {
        Path dataDir = Files.createTempDirectory("datamind-prod");
        String good = randomKey();
        assertThatThrownBy(() -> startProd(
                        dataDir,
                        List.of(
                                "--datamind.secrets.jwt-access-key=" + good,
                                "--datamind.secrets.jwt-refresh-key=" + randomKey(),
                                "--datamind.secrets.master-key=changeme")))
                .isInstanceOf(Exception.class);
        assertThat(output.getOut() + output.getErr()).contains("DATAMIND_MASTER_KEY is a known default value");

        assertThatThrownBy(() -> startProd(
                        dataDir,
                        List.of(
                                "--datamind.secrets.jwt-access-key="
                                        + Base64.getEncoder().encodeToString("short".getBytes()),
                                "--datamind.secrets.jwt-refresh-key=" + randomKey(),
                                "--datamind.secrets.master-key=" + randomKey())))
                .isInstanceOf(Exception.class);
        assertThat(output.getOut() + output.getErr()).contains("DATAMIND_JWT_ACCESS_KEY is too short");

        assertThatThrownBy(() -> startProd(
                        dataDir,
                        List.of(
                                "--datamind.secrets.jwt-access-key=" + good,
                                "--datamind.secrets.jwt-refresh-key=" + good,
                                "--datamind.secrets.master-key=" + randomKey())))
                .isInstanceOf(Exception.class);
        assertThat(output.getOut() + output.getErr())
                .contains("DATAMIND_JWT_REFRESH_KEY must differ from DATAMIND_JWT_ACCESS_KEY");
    }

    @Test
    void prodStartsWithProperSecrets() throws Exception {
        Path dataDir = Files.createTempDirectory("datamind-prod");
        try (ConfigurableApplicationContext app = startProd(
                dataDir,
                List.of(
                        "--datamind.secrets.jwt-access-key=" + randomKey(),
                        "--datamind.secrets.jwt-refresh-key=" + randomKey(),
                        "--datamind.secrets.master-key=" + randomKey()))) {
            assertThat(app.getBean(AppSecrets.class).masterKeyId()).hasSize(8);
        }
    }

    private static String randomKey() {
        byte[] key = new byte[32];
        new java.security.SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    private static long countMigrations() throws Exception {
        try (var files = Files.walk(Path.of("src/main/resources/db/migration"))) {
            return files.filter(p -> p.getFileName().toString().matches("V\\d+__.*\\.sql"))
                    .count();
        }
    }

    private static ConfigurableApplicationContext start(Path dataDir, String... extra) {
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--datamind.data-dir=" + dataDir));
        args.addAll(List.of(extra));
        return new SpringApplicationBuilder(DataMindApplication.class)
                .profiles("test")
                .run(args.toArray(String[]::new));
    }

    private static ConfigurableApplicationContext startProd(Path dataDir, List<String> secrets) {
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--datamind.data-dir=" + dataDir));
        args.addAll(secrets);
        return new SpringApplicationBuilder(DataMindApplication.class)
                .profiles("prod")
                .run(args.toArray(String[]::new));
    }
}
