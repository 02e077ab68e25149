package io.datamind.llm;

import com.anthropic.errors.AnthropicIoException;
import com.anthropic.errors.AnthropicServiceException;
import com.anthropic.errors.SseException;
import com.openai.errors.OpenAIIoException;
import com.openai.errors.OpenAIServiceException;
import io.datamind.llm.LlmException.Category;
import java.io.EOFException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import javax.net.ssl.SSLException;

/**
 * Turns whatever the Anthropic and OpenAI SDKs, OkHttp and Reactor throw into an {@link LlmException} with a message
 * for the person who asked. The provider's own error text is kept only where it helps the user fix the settings (an
 * unknown model, a prompt that is too long); authentication errors never echo it, as OpenAI quotes part of the key.
 */
final class ProviderErrors {

    static final String RATE_LIMITED = "The AI provider is rate-limiting requests; try again in a minute.";
    static final String UNAVAILABLE = "The AI provider is unavailable right now; try again in a few minutes.";
    static final String UNREACHABLE =
            "DataMind could not reach the AI provider; check the base URL in the AI settings or try again later.";
    static final String AUTH = "The AI provider rejected the API key; ask an admin to check the AI settings.";
    static final String TRUNCATED = "The AI provider's answer broke off before it was complete; try again.";
    static final String NO_ANSWER = "The AI provider did not answer in time; try again.";

    private static final int MAX_DETAIL = 300;

    private final Clock clock;

    ProviderErrors(Clock clock) {
        this.clock = clock;
    }

    /** What went wrong, as far as the HTTP exchange tells. */
    private record Failure(int status, Function<String, List<String>> headers, String type, String message) {}

    LlmException map(Throwable error) {
        Throwable current = error;
        for (int depth = 0; current != null && depth < 10; depth++, current = current.getCause()) {
            if (current instanceof LlmException llm) {
                return llm;
            }
            if (current instanceof AnthropicServiceException e) {
                return fromFailure(anthropic(e), e);
            }
            if (current instanceof OpenAIServiceException e) {
                return fromFailure(openAi(e), e);
            }
            if (current instanceof AnthropicIoException || current instanceof OpenAIIoException) {
                return fromIo(current.getCause() != null ? current.getCause() : current, error);
            }
            if (current instanceof IOException io) {
                return fromIo(io, error);
            }
            if (current instanceof TimeoutException) {
                return new LlmException(Category.TIMEOUT, NO_ANSWER, error);
            }
        }
        // An answer the SDK could not parse, or a bug: not worth repeating.
        return new LlmException(
                Category.UNAVAILABLE,
                "The AI provider sent an answer DataMind could not read; check the base URL in the AI settings.",
                error,
                null,
                false);
    }

    private LlmException fromFailure(Failure failure, Throwable cause) {
        Optional<Duration> retryAfter = RetryAfter.from(failure.headers(), clock);
        String type = failure.type() == null ? "" : failure.type().toLowerCase(Locale.ROOT);
        int status = failure.status();
        if (status == 401 || status == 403 || type.contains("authentication") || type.contains("permission")) {
            return new LlmException(Category.AUTH, AUTH, cause);
        }
        if (status == 429 || type.contains("rate_limit")) {
            return new LlmException(Category.RATE_LIMITED, RATE_LIMITED, cause, retryAfter.orElse(null));
        }
        if (status == 408 || type.contains("timeout")) {
            return new LlmException(Category.TIMEOUT, NO_ANSWER, cause, retryAfter.orElse(null));
        }
        if (status >= 300 && status < 400) {
            // Redirects are never followed (see ProviderConnections): the base URL is wrong, or up to no good.
            return new LlmException(
                    Category.UNAVAILABLE,
                    "The AI provider's address answered with a redirect (HTTP " + status + "), which DataMind does not"
                            + " follow; check the base URL in the AI settings.",
                    cause,
                    null,
                    false);
        }
        if (status == 404 || type.contains("not_found")) {
            return new LlmException(
                    Category.BAD_REQUEST,
                    "The AI provider does not know this model or address; check the model and base URL in the AI"
                            + " settings." + detail(failure),
                    cause);
        }
        if (status >= 400 && status < 500 || type.contains("invalid_request")) {
            return new LlmException(
                    Category.BAD_REQUEST, "The AI provider refused the request." + detail(failure), cause);
        }
        if (status >= 500 || type.contains("overloaded") || type.contains("api_error") || type.contains("server")) {
            return new LlmException(Category.UNAVAILABLE, UNAVAILABLE, cause, retryAfter.orElse(null));
        }
        // A stream that reported an error of a kind we do not know: treat it as the provider failing.
        return new LlmException(Category.UNAVAILABLE, UNAVAILABLE, cause, retryAfter.orElse(null));
    }

    private static LlmException fromIo(Throwable io, Throwable cause) {
        if (io instanceof SocketTimeoutException
                || io instanceof InterruptedIOException && "timeout".equals(io.getMessage())) {
            return new LlmException(Category.TIMEOUT, NO_ANSWER, cause);
        }
        if (io instanceof UnknownHostException) {
            // A misspelt host in the settings does not heal by waiting.
            return new LlmException(Category.UNAVAILABLE, UNREACHABLE, cause, null, false);
        }
        if (io instanceof ConnectException || io instanceof NoRouteToHostException) {
            return new LlmException(Category.UNAVAILABLE, UNREACHABLE, cause);
        }
        if (io instanceof SSLException) {
            return new LlmException(
                    Category.UNAVAILABLE,
                    "DataMind could not establish a secure connection to the AI provider; check the base URL in the AI"
                            + " settings.",
                    cause,
                    null,
                    false);
        }
        if (io instanceof EOFException || String.valueOf(io.getMessage()).contains("end of stream")) {
            return new LlmException(Category.UNAVAILABLE, TRUNCATED, cause);
        }
        // Connection reset and the like.
        return new LlmException(Category.UNAVAILABLE, UNAVAILABLE, cause);
    }

    private static Failure anthropic(AnthropicServiceException e) {
        String type = e.errorType().map(Object::toString).orElse(null);
        String message = anthropicMessage(e);
        int status = e instanceof SseException && e.statusCode() < 400 ? 0 : e.statusCode();
        return new Failure(status, name -> e.headers().values(name), type, message);
    }

    private static String anthropicMessage(AnthropicServiceException e) {
        return anthropicObject(e.body())
                .map(body -> body.get("error"))
                .flatMap(ProviderErrors::anthropicObject)
                .map(error -> error.get("message"))
                .flatMap(ProviderErrors::anthropicString)
                .orElse(null);
    }

    // The SDKs' JsonValue extends JsonField<Nothing>, which Java sees as a raw type: its generics need restoring.
    @SuppressWarnings("unchecked")
    private static Optional<Map<String, com.anthropic.core.JsonValue>> anthropicObject(com.anthropic.core.JsonValue v) {
        return v == null ? Optional.empty() : (Optional<Map<String, com.anthropic.core.JsonValue>>) v.asObject();
    }

    @SuppressWarnings("unchecked")
    private static Optional<String> anthropicString(com.anthropic.core.JsonValue v) {
        return v == null ? Optional.empty() : (Optional<String>) v.asString();
    }

    @SuppressWarnings("unchecked")
    private static Optional<Map<String, com.openai.core.JsonValue>> openAiObject(com.openai.core.JsonValue v) {
        return v == null ? Optional.empty() : (Optional<Map<String, com.openai.core.JsonValue>>) v.asObject();
    }

    @SuppressWarnings("unchecked")
    private static Optional<String> openAiString(com.openai.core.JsonValue v) {
        return v == null ? Optional.empty() : (Optional<String>) v.asString();
    }

    private static Failure openAi(OpenAIServiceException e) {
        Optional<Map<String, com.openai.core.JsonValue>> body = openAiObject(e.body());
        Optional<Map<String, com.openai.core.JsonValue>> error = body.map(m -> m.get("error"))
                .flatMap(ProviderErrors::openAiObject)
                .or(() -> body);
        String type = e.type()
                .or(e::code)
                .or(() -> error.map(m -> m.get("type")).flatMap(ProviderErrors::openAiString))
                .or(() -> error.map(m -> m.get("code")).flatMap(ProviderErrors::openAiString))
                .orElse(null);
        String message = error.map(m -> m.get("message"))
                .flatMap(ProviderErrors::openAiString)
                .orElse(null);
        int status = e instanceof com.openai.errors.SseException && e.statusCode() < 400 ? 0 : e.statusCode();
        return new Failure(status, name -> e.headers().values(name), type, message);
    }

    private static String detail(Failure failure) {
        String message = failure.message();
        if (message == null || message.isBlank()) {
            return "";
        }
        String oneLine = message.replaceAll("\\s+", " ").trim();
        if (oneLine.length() > MAX_DETAIL) {
            oneLine = oneLine.substring(0, MAX_DETAIL) + "…";
        }
        return " It said: " + oneLine;
    }
}
