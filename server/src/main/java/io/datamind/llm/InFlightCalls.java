package io.datamind.llm;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import okhttp3.Call;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Sends the SDK's requests on DataMind's own HTTP client, and keeps the calls of the attempts in flight so that a
 * cancel or a stall closes the connection at once.
 *
 * <p>The SDKs' HTTP client builders let no one choose how host names are resolved or whether redirects are
 * followed, so this interceptor, the last of the SDK client's, does not pass the request on: it sends it with {@code
 * transport} (see {@link ProviderConnections}), which follows no redirect and connects only to the addresses an
 * organization's base URL was checked to resolve to.
 *
 * <p>Disposing the Spring AI stream alone only closes the SDK's reader; OkHttp then tries to drain the rest of the
 * body, and the provider keeps generating (and billing) tokens for seconds. Each attempt tags its request with a
 * header that is removed before the request leaves, and its call is registered under it.
 */
final class InFlightCalls {

    static final String HEADER = "X-DataMind-Attempt";

    private final OkHttpClient transport;
    private final Map<String, Call> calls = new ConcurrentHashMap<>();
    private final Set<String> stopped = ConcurrentHashMap.newKeySet();
    private final Set<String> answered = ConcurrentHashMap.newKeySet();
    private final Map<String, ReportedPromptTokens> reported = new ConcurrentHashMap<>();

    InFlightCalls(OkHttpClient transport) {
        this.transport = transport;
    }

    /** Must be the SDK client's last interceptor: those after it would never run. */
    Interceptor interceptor() {
        return chain -> {
            Request request = chain.request();
            String attempt = request.header(HEADER);
            Call call =
                    transport.newCall(request.newBuilder().removeHeader(HEADER).build());
            if (attempt != null) {
                calls.put(attempt, call);
                if (stopped.contains(attempt)) {
                    call.cancel();
                }
            }
            Response response = call.execute();
            if (attempt == null || !response.isSuccessful()) {
                return response;
            }
            answered.add(attempt);
            ReportedPromptTokens tokens = new ReportedPromptTokens();
            reported.put(attempt, tokens);
            return tokens.watch(response);
        };
    }

    /** Closes the attempt's connection, now or as soon as its request starts. */
    void stop(String attempt) {
        stopped.add(attempt);
        Call call = calls.get(attempt);
        if (call != null) {
            call.cancel();
        }
    }

    /** Whether the provider accepted the attempt's request (answered with a success status): from then on it bills. */
    boolean answered(String attempt) {
        return answered.contains(attempt);
    }

    /** The prompt tokens the provider reported for the attempt so far, from its stream; 0 when none. */
    long reportedPromptTokens(String attempt) {
        ReportedPromptTokens tokens = reported.get(attempt);
        return tokens == null ? 0 : tokens.promptTokens();
    }

    /** Forgets the attempt once it is over. */
    void release(String attempt) {
        calls.remove(attempt);
        stopped.remove(attempt);
        answered.remove(attempt);
        reported.remove(attempt);
    }
}
