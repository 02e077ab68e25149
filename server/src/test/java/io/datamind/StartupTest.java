package io.datamind;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datamind.secrets.AppSecrets;
import io.datamind.support.HttpApi;
import io.datamind.support.TestAccounts;
import io.datamind.support.TestConnections;
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
import tools.jackson.databind.JsonNode;

/** Starting on a fresh embedded data directory, on PostgreSQL, again on the same data, and refusing bad secrets. */
@ExtendWith(OutputCaptureExtension.class)
class StartupTest {

    @Test
    void freshDataDirectoryThenRestartReusesDatabaseAndSecrets(CapturedOutput output) throws Exception {
        Path dataDir = Files.createTempDirectory("datamind-startup");
        byte[] accessKey;
        byte[] refreshKey;
        byte[] masterKey;
        try (ConfigurableApplicationContext first = start(dataDir)) {
            accessKey = first.getBean(AppSecrets.class).jwtAccessKey();
            refreshKey = first.getBean(AppSecrets.class).jwtRefreshKey();
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

        for (String key : List.of("jwt-access.key", "jwt-refresh.key", "master.key")) {
            assertThat(output.getOut()).contains("Generated " + key + " and stored it in");
        }
        int warningsAfterFirstStart = output.getOut().split("Generated ", -1).length;

        try (ConfigurableApplicationContext second = start(dataDir)) {
            assertThat(second.getBean(AppSecrets.class).jwtAccessKey()).isEqualTo(accessKey);
            assertThat(second.getBean(AppSecrets.class).jwtRefreshKey()).isEqualTo(refreshKey);
            assertThat(second.getBean(AppSecrets.class).masterKey()).isEqualTo(masterKey);
            long rows = second.getBean(JdbcClient.class)
                    .sql("SELECT COUNT(*) FROM shedlock WHERE name = 'probe'")
                    .query(Long.class)
                    .single();
            assertThat(rows).isEqualTo(1);
        }
        assertThat(output.getOut().split("Generated ", -1)).hasSize(warningsAfterFirstStart);
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
            // A smoke flow through the application itself, on PostgreSQL as the application database: register an
            // organization and wait for its sample connection's schema to be discovered and stored.
            HttpApi api = new HttpApi(app.getEnvironment().getProperty("local.server.port", Integer.class));
            TestAccounts.Account owner = TestAccounts.registerOwner(api);
            TestConnections.sampleConnection(api, TestAccounts.token(api, owner).accessToken());
            assertThat(jdbc.sql("SELECT COUNT(*) FROM organizations WHERE id = ?")
                            .param(owner.orgId())
                            .query(Long.class)
                            .single())
                    .isEqualTo(1);
        }
    }

    @Test
    void prodRefusesToGenerateSecrets(CapturedOutput output) throws Exception {
        Path dataDir = Files.createTempDirectory("datamind-prod");
        assertThatThrownBy(() -> startProd(dataDir, List.of("--datamind.secrets.generate-missing=true")))
                .isInstanceOf(Exception.class);
        assertThat(output.getOut() + output.getErr())
                .contains("datamind.secrets.generate-missing cannot be true in the prod profile");
        assertThat(Files.exists(dataDir.resolve("secrets"))).isFalse();
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
    void prodStartsWithProperSecretsAndLogsJsonLinesWithTheCaller(CapturedOutput output) throws Exception {
        Path dataDir = Files.createTempDirectory("datamind-prod");
        try (ConfigurableApplicationContext app = startProd(
                dataDir,
                List.of(
                        "--datamind.secrets.jwt-access-key=" + randomKey(),
                        "--datamind.secrets.jwt-refresh-key=" + randomKey(),
                        "--datamind.secrets.master-key=" + randomKey(),
                        // Plain HTTP here, so the session and CSRF cookies must not be Secure-only.
                        "--datamind.security.cookie-secure=false"))) {
            assertThat(app.getBean(AppSecrets.class).masterKeyId()).hasSize(8);

            HttpApi api = new HttpApi(app.getEnvironment().getProperty("local.server.port", Integer.class));
            TestAccounts.Account owner = TestAccounts.registerOwner(api);
            HttpApi.Response response = api.request("GET", "/api/v1/connections")
                    .bearer(TestAccounts.token(api, owner).accessToken())
                    .send();
            String requestId = response.header("X-Request-ID").orElseThrow();

            JsonNode access = output.getOut()
                    .lines()
                    .filter(line -> line.startsWith("{") && line.contains(requestId))
                    .map(HttpApi.JSON::readTree)
                    .filter(line -> line.path("log").path("logger").asString().equals("datamind.access"))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no JSON access line for " + requestId));
            assertThat(access.get("message").asString()).startsWith("GET /api/v1/connections 200");
            assertThat(access.get("request_id").asString()).isEqualTo(requestId);
            assertThat(access.get("user_id").asString())
                    .isEqualTo(owner.userId().toString());
            assertThat(access.get("org_id").asString()).isEqualTo(owner.orgId().toString());
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
