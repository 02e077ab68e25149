package io.datamind.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.datamind.DataMindApplication;
import io.datamind.support.HttpApi;
import io.datamind.support.TestAccounts;
import io.datamind.support.TestServices;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Revocation is kept in the application database and only cached in Redis: it survives a restart, holds with
 * Redis down, and with Redis up the revoked token ids sit in Redis for exactly their remaining life.
 */
class RevocationTest {

    @Test
    void revocationSurvivesARestart() throws Exception {
        Path dataDir = Files.createTempDirectory("datamind-revocation");
        TestAccounts.TokenPair revoked;
        TestAccounts.TokenPair live;
        try (ConfigurableApplicationContext first = start(dataDir)) {
            HttpApi api = new HttpApi(port(first));
            TestAccounts.Account owner = TestAccounts.registerOwner(api);
            revoked = TestAccounts.token(api, owner);
            live = TestAccounts.token(api, owner);
            logout(api, revoked.accessToken());
            assertThat(me(api, revoked.accessToken())).isEqualTo(401);
        }
        try (ConfigurableApplicationContext second = start(dataDir)) {
            HttpApi api = new HttpApi(port(second));
            assertThat(me(api, live.accessToken()))
                    .as("same keys and data after the restart")
                    .isEqualTo(200);
            assertThat(me(api, revoked.accessToken())).isEqualTo(401);
            assertThat(refresh(api, revoked.refreshToken())).isEqualTo(401);
            assertThat(refresh(api, live.refreshToken())).isEqualTo(200);
        }
    }

    @Test
    void revocationHoldsAndNothingFailsWithRedisDown() throws Exception {
        // Nothing listens on port 1: a configured Redis that is down.
        try (ConfigurableApplicationContext context =
                start(Files.createTempDirectory("datamind-redis-down"), "--datamind.redis.url=redis://127.0.0.1:1")) {
            HttpApi api = new HttpApi(port(context));
            TestAccounts.Account owner = TestAccounts.registerOwner(api);
            TestAccounts.TokenPair revoked = TestAccounts.token(api, owner);
            TestAccounts.TokenPair live = TestAccounts.token(api, owner);
            assertThat(me(api, revoked.accessToken())).isEqualTo(200);
            logout(api, revoked.accessToken());
            assertThat(me(api, revoked.accessToken())).isEqualTo(401);
            assertThat(refresh(api, revoked.refreshToken())).isEqualTo(401);
            for (int i = 0; i < 5; i++) {
                assertThat(me(api, live.accessToken())).isEqualTo(200);
            }
            assertThat(refresh(api, live.refreshToken())).isEqualTo(200);
        }
    }

    @Test
    void withRedisUpRevokedTokenIdsAreCachedForTheirRemainingLife() throws Exception {
        RedisClient client = RedisClient.create(TestServices.REDIS_URL);
        try (StatefulRedisConnection<String, String> connection = client.connect();
                ConfigurableApplicationContext context = start(
                        Files.createTempDirectory("datamind-redis-up"),
                        "--datamind.redis.url=" + TestServices.REDIS_URL)) {
            RedisCommands<String, String> redis = connection.sync();
            HttpApi api = new HttpApi(port(context));
            TestAccounts.Account owner = TestAccounts.registerOwner(api);
            TestAccounts.TokenPair revoked = TestAccounts.token(api, owner);
            TestAccounts.TokenPair live = TestAccounts.token(api, owner);
            Map<String, Object> claims = JwtForge.claimsOf(revoked.accessToken());
            UUID jti = UUID.fromString((String) claims.get("jti"));
            UUID sid = UUID.fromString((String) claims.get("sid"));
            long remaining =
                    ((Number) claims.get("exp")).longValue() - Instant.now().getEpochSecond();

            logout(api, revoked.accessToken());
            assertThat(me(api, revoked.accessToken())).isEqualTo(401);
            assertThat(redis.exists(RevocationStore.jtiKey(jti))).isEqualTo(1);
            long ttl = redis.pttl(RevocationStore.jtiKey(jti));
            assertThat(ttl).isPositive().isLessThanOrEqualTo((remaining + 1) * 1000);
            assertThat(ttl).isGreaterThan((remaining - 60) * 1000);
            assertThat(redis.pttl(RevocationStore.familyKey(sid))).isPositive();

            // Redis loses its data (restart without persistence): checks fall back to the database, and the
            // revocations are copied back.
            redis.del(RevocationStore.SYNCED_MARKER, RevocationStore.jtiKey(jti), RevocationStore.familyKey(sid));
            assertThat(me(api, revoked.accessToken())).isEqualTo(401);
            assertThat(me(api, live.accessToken())).isEqualTo(200);
            List<Long> seen = new ArrayList<>();
            // The copy writes the revocations first and the marker last: wait for both.
            for (int i = 0;
                    i < 50 && redis.exists(RevocationStore.jtiKey(jti), RevocationStore.SYNCED_MARKER) < 2;
                    i++) {
                Thread.sleep(100);
                me(api, live.accessToken());
                seen.add(redis.exists(RevocationStore.jtiKey(jti)));
            }
            assertThat(redis.exists(RevocationStore.jtiKey(jti)))
                    .as("copied back: %s", seen)
                    .isEqualTo(1);
            assertThat(redis.exists(RevocationStore.SYNCED_MARKER)).isEqualTo(1);
            assertThat(me(api, revoked.accessToken())).isEqualTo(401);
        } finally {
            client.shutdown();
        }
    }

    private static ConfigurableApplicationContext start(Path dataDir, String... extra) {
        List<String> args = new ArrayList<>(
                List.of("--spring.profiles.active=test", "--datamind.data-dir=" + dataDir, "--server.port=0"));
        args.addAll(List.of(extra));
        return new SpringApplicationBuilder(DataMindApplication.class).run(args.toArray(new String[0]));
    }

    private static int port(ConfigurableApplicationContext context) {
        return context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
    }

    private static void logout(HttpApi api, String accessToken) {
        assertThat(api.request("POST", "/api/v1/auth/logout")
                        .bearer(accessToken)
                        .send()
                        .status())
                .isEqualTo(204);
    }

    private static int me(HttpApi api, String accessToken) {
        return api.request("GET", "/api/v1/me").bearer(accessToken).send().status();
    }

    private static int refresh(HttpApi api, String refreshToken) {
        return api.request("POST", "/api/v1/auth/refresh")
                .json(Map.of("refreshToken", refreshToken))
                .send()
                .status();
    }
}
