package io.datamind.llm;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import okhttp3.Call;
import okhttp3.Interceptor;
import okhttp3.Request;

/**
 * The HTTP calls of the attempts in flight, so that a cancel or a stall closes the connection at once. Disposing the
 * Spring AI stream alone only closes the SDK's reader; OkHttp then tries to drain the rest of the body, and the
 * provider keeps generating (and billing) tokens for seconds. Each attempt tags its request with a header that the
 * interceptor removes before the request leaves, and registers the call under it.
 */
final class InFlightCalls {

    static final String HEADER = "X-DataMind-Attempt";

    private final Map<String, Call> calls = new ConcurrentHashMap<>();
    private final Set<String> stopped = ConcurrentHashMap.newKeySet();

    Interceptor interceptor() {
        return chain -> {
            Request request = chain.request();
            String attempt = request.header(HEADER);
            if (attempt == null) {
                return chain.proceed(request);
            }
            calls.put(attempt, chain.call());
            if (stopped.contains(attempt)) {
                chain.call().cancel();
            }
            return chain.proceed(request.newBuilder().removeHeader(HEADER).build());
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

    /** Forgets the attempt once it is over. */
    void release(String attempt) {
        calls.remove(attempt);
        stopped.remove(attempt);
    }
}
