package io.datamind.ask;

import static org.assertj.core.api.Assertions.assertThat;

import io.datamind.support.HttpApi;
import io.datamind.support.IntegrationTest;
import io.datamind.support.TestAccounts;
import io.datamind.support.TestServices;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/** With Redis configured, results are cached there (so replicas share them) for the configured time. */
@IntegrationTest
@TestPropertySource(properties = {"datamind.redis.url=redis://127.0.0.1:6379", "datamind.ask.result-cache-ttl=2m"})
class AskResultCacheRedisTest {

    @LocalServerPort
    int port;

    @Test
    void resultsAreCachedInRedisUntilTheyExpire() {
        HttpApi api = new HttpApi(port);
        TestAccounts.Account owner = TestAccounts.registerOwner(api);
        String token = TestAccounts.token(api, owner).accessToken();
        String database = ChatFixtures.artistsDatabase();
        String connection = ChatFixtures.postgresConnection(api, token, database);

        JsonNode first = ChatFixtures.ask(api, token, connection, "How many artists are there?", null)
                .json();
        assertThat(first.get("rows").get(0).get(0).asLong())
                .as(first.toString())
                .isEqualTo(3);
        RedisClient client = RedisClient.create(TestServices.REDIS_URL);
        try (StatefulRedisConnection<String, String> redis = client.connect()) {
            List<String> keys = redis.sync().keys("datamind:ask:result:" + connection + ":*");
            assertThat(keys).hasSize(1);
            assertThat(redis.sync().pttl(keys.get(0))).isBetween(1L, 120_000L);

            ChatFixtures.execute(database, "INSERT INTO artists VALUES (4, 'Ella')");
            JsonNode cached = ChatFixtures.ask(api, token, connection, "How many artists are there?", null)
                    .json();
            assertThat(cached.get("rows").get(0).get(0).asLong()).isEqualTo(3);

            // Once the entry is gone (expired), the database is asked again.
            redis.sync().del(keys.get(0));
            JsonNode fresh = ChatFixtures.ask(api, token, connection, "How many artists are there?", null)
                    .json();
            assertThat(fresh.get("rows").get(0).get(0).asLong()).isEqualTo(4);
        } finally {
            client.shutdown();
        }
    }
}
