package io.datamind.ratelimit;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A real Redis server of this test's own (the machine's {@code redis-server} on a free port), so a test can pause
 * or kill it without disturbing anyone else using the shared one.
 */
final class PrivateRedis implements AutoCloseable {

    private final int port;
    private final Process process;
    private final RedisClient client;
    private final StatefulRedisConnection<String, String> connection;

    private PrivateRedis(int port, Process process) throws InterruptedException {
        this.port = port;
        this.process = process;
        this.client = RedisClient.create(url());
        this.connection = connectWithin(Duration.ofSeconds(10));
    }

    static PrivateRedis start() throws IOException, InterruptedException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        Process process = new ProcessBuilder(
                        "redis-server",
                        "--port",
                        Integer.toString(port),
                        "--bind",
                        "127.0.0.1",
                        "--save",
                        "",
                        "--appendonly",
                        "no")
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        return new PrivateRedis(port, process);
    }

    String url() {
        return "redis://127.0.0.1:" + port;
    }

    /** Makes the server hold every client's commands for {@code duration}: a Redis that is up but not answering. */
    void pause(Duration duration) {
        connection.sync().clientPause(duration.toMillis());
    }

    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    private StatefulRedisConnection<String, String> connectWithin(Duration patience) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        while (true) {
            try {
                return client.connect();
            } catch (RuntimeException e) {
                if (!process.isAlive() || System.nanoTime() > deadline) {
                    throw new IllegalStateException("redis-server on port " + port + " did not start", e);
                }
                Thread.sleep(50);
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        connection.closeAsync();
        client.shutdown();
        kill();
    }
}
