package io.datamind.llm;

import java.time.Duration;
import okhttp3.Dns;
import okhttp3.OkHttpClient;

/**
 * The HTTP client provider requests leave on (see {@link InFlightCalls}). It follows no redirect: a base URL that
 * answers with one is refused with a clear message instead of leading DataMind, key and prompt included, to an
 * address nobody checked (a cloud metadata service, say). It resolves host names only through {@code dns}.
 */
final class ProviderConnections {

    private ProviderConnections() {}

    static OkHttpClient client(HttpTimeouts timeouts, Dns dns) {
        return new OkHttpClient.Builder()
                .dns(dns)
                .followRedirects(false)
                .followSslRedirects(false)
                // DataMind's retries know whether tokens already reached the user; OkHttp's would not.
                .retryOnConnectionFailure(false)
                .connectTimeout(timeouts.connect())
                .readTimeout(timeouts.read())
                .writeTimeout(timeouts.read())
                .callTimeout(timeouts.request())
                .pingInterval(Duration.ofMinutes(1))
                .build();
    }
}
