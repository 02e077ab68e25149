package io.datamind.ratelimit;

import io.datamind.support.TestServices;
import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.RedisClient;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.api.StatefulRedisConnection;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A key prefix of its own for one test run in the shared test Redis, and a look at (and clean-up of) its keys. */
final class RedisKeys implements AutoCloseable {

    final String prefix = "datamind-test:ratelimit:" + UUID.randomUUID() + ":";
    private final RedisClient client = RedisClient.create(TestServices.REDIS_URL);
    private final StatefulRedisConnection<String, String> connection = client.connect();

    List<String> keys() {
        List<String> keys = new ArrayList<>();
        ScanCursor cursor = ScanCursor.INITIAL;
        do {
            KeyScanCursor<String> page = connection
                    .sync()
                    .scan(cursor, ScanArgs.Builder.matches(prefix + "*").limit(1000));
            keys.addAll(page.getKeys());
            cursor = page;
        } while (!cursor.isFinished());
        return keys;
    }

    long millisToLive(String key) {
        return connection.sync().pttl(key);
    }

    @Override
    public void close() {
        List<String> keys = keys();
        if (!keys.isEmpty()) {
            connection.sync().del(keys.toArray(String[]::new));
        }
        connection.close();
        client.shutdown();
    }
}
