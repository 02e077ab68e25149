package io.datamind.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.datamind.DataMindApplication;
import io.datamind.support.TcpProxy;
import io.datamind.support.TestServices;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Health in each state, against the real PostgreSQL and Redis, with outages made by cutting a TCP proxy. */
class HealthEndpointTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** No database URL: the embedded default. */
    private static final String EMBEDDED_H2 = "";

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void healthyWhenDatabaseAndRedisAnswer() throws Exception {
        try (ConfigurableApplicationContext app = start(TestServices.REDIS_URL, EMBEDDED_H2)) {
            HttpResponse<String> response = get(app, "/api/v1/health?detail=true");
            JsonNode body = JSON.readTree(response.body());
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(body.get("status").asString()).isEqualTo("healthy");
            assertThat(body.get("service").asString()).isEqualTo("datamind");
            assertThat(body.get("version").asString()).isNotBlank();
            assertThat(body.at("/checks/database/status").asString()).isEqualTo("ok");
            assertThat(body.at("/checks/database/latency_ms").isNumber()).isTrue();
            assertThat(body.at("/checks/redis/status").asString()).isEqualTo("ok");
        }
    }

    @Test
    void redisIsReportedDisabledWhenNotConfiguredAndChecksAreHiddenWithoutDetail() throws Exception {
        try (ConfigurableApplicationContext app = start("", EMBEDDED_H2)) {
            JsonNode detailed =
                    JSON.readTree(get(app, "/api/v1/health?detail=true").body());
            assertThat(detailed.get("status").asString()).isEqualTo("healthy");
            assertThat(detailed.at("/checks/redis/status").asString()).isEqualTo("disabled");
            JsonNode plain = JSON.readTree(get(app, "/api/v1/health").body());
            assertThat(plain.has("checks")).isFalse();
        }
    }

    @Test
    void degradedButServingWhenConfiguredRedisGoesAway() throws Exception {
        try (TcpProxy redis = new TcpProxy("127.0.0.1", 6379);
                ConfigurableApplicationContext app = start("redis://127.0.0.1:" + redis.port(), EMBEDDED_H2)) {
            assertThat(status(get(app, "/api/v1/health?detail=true"))).isEqualTo("healthy");
            redis.cut();
            HttpResponse<String> response = get(app, "/api/v1/health?detail=true");
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(status(response)).isEqualTo("degraded");
            assertThat(JSON.readTree(response.body()).at("/checks/redis/status").asString())
                    .isEqualTo("error");
        }
    }

    @Test
    void unhealthyWith503WhenTheApplicationDatabaseIsUnreachable() throws Exception {
        String database = TestServices.createPostgresDatabase("health");
        try (TcpProxy postgres = new TcpProxy(TestServices.PG_HOST, Integer.parseInt(TestServices.PG_PORT));
                ConfigurableApplicationContext app =
                        start("", "jdbc:postgresql://127.0.0.1:" + postgres.port() + "/" + database)) {
            assertThat(status(get(app, "/api/v1/health"))).isEqualTo("healthy");
            postgres.cut();
            HttpResponse<String> response = get(app, "/api/v1/health?detail=true");
            assertThat(response.statusCode()).isEqualTo(503);
            assertThat(status(response)).isEqualTo("unhealthy");
            assertThat(JSON.readTree(response.body())
                            .at("/checks/database/status")
                            .asString())
                    .isEqualTo("error");
        }
    }

    private static ConfigurableApplicationContext start(String redisUrl, String databaseUrl) throws Exception {
        Path dataDir = Files.createTempDirectory("datamind-health");
        SpringApplicationBuilder builder = new SpringApplicationBuilder(DataMindApplication.class).profiles("test");
        List<String> args = new ArrayList<>(List.of(
                "--server.port=0",
                "--datamind.data-dir=" + dataDir,
                "--datamind.redis.url=" + redisUrl,
                "--spring.datasource.hikari.connection-timeout=1000",
                "--spring.datasource.hikari.validation-timeout=500"));
        if (!databaseUrl.isEmpty()) {
            args.add("--spring.datasource.url=" + databaseUrl);
            args.add("--spring.datasource.username=" + TestServices.PG_USER);
            args.add("--spring.datasource.password=");
        }
        return builder.run(args.toArray(String[]::new));
    }

    private HttpResponse<String> get(ConfigurableApplicationContext app, String path) throws Exception {
        String port = app.getEnvironment().getProperty("local.server.port");
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String status(HttpResponse<String> response) {
        return JSON.readTree(response.body()).get("status").asString();
    }
}
