package io.datamind.ratelimit;

import io.datamind.DataMindApplication;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A whole DataMind application on a random port with its own data directory, started with the given
 * {@code --name=value} arguments plus {@link RateLimitProbe}; several can run side by side.
 */
final class RunningApp implements AutoCloseable {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final ConfigurableApplicationContext context;
    private final String base;

    private RunningApp(ConfigurableApplicationContext context) {
        this.context = context;
        this.base = "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port");
    }

    static RunningApp start(String... arguments) {
        List<String> args = new ArrayList<>(List.of("--server.port=0"));
        args.addAll(List.of(arguments));
        // The test profile switches limits off for every other test.
        if (args.stream().noneMatch(arg -> arg.startsWith("--datamind.rate-limit.enabled="))) {
            args.add("--datamind.rate-limit.enabled=true");
        }
        return new RunningApp(new SpringApplicationBuilder(DataMindApplication.class, RateLimitProbe.class)
                .profiles("test")
                .run(args.toArray(String[]::new)));
    }

    int port() {
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }

    ConfigurableApplicationContext context() {
        return context;
    }

    /** Requests this instance has let Redis-less through or limited in process for {@code group}. */
    double fallbacks(RouteGroup group) {
        return context.getBean(MeterRegistry.class)
                .get(RedisFallbacks.METRIC)
                .tag("group", group.key())
                .counter()
                .count();
    }

    HttpResponse<String> get(String path, String... headers) {
        return send("GET", path, headers);
    }

    HttpResponse<String> post(String path, String... headers) {
        return send("POST", path, headers);
    }

    /** @param headers name, value, name, value... */
    HttpResponse<String> send(String method, String path, String... headers) {
        return send(method, path, method.equals("GET") ? null : "{}", headers);
    }

    HttpResponse<String> postJson(String path, String json, String... headers) {
        return send("POST", path, json, headers);
    }

    private HttpResponse<String> send(String method, String path, String body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(30))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        context.close();
    }
}
