package io.datamind.llm;

import io.datamind.common.ApiException;
import java.time.Duration;
import java.util.Optional;
import org.springframework.http.HttpStatus;

/**
 * No complete answer came from the model. The message is written for the person who asked (never a stack trace or a
 * provider's raw error body with secrets in it); the category tells callers how to react. The statuses are those of a
 * gateway: the AI provider, not the caller, failed, so none of them is 401 or 429.
 */
public class LlmException extends ApiException {

    /** Why the model gave no complete answer. */
    public enum Category {
        /** The provider asked DataMind to slow down (HTTP 429), also after the retries. */
        RATE_LIMITED(HttpStatus.SERVICE_UNAVAILABLE, "AI provider busy"),
        /** The provider failed (5xx, overloaded), could not be reached or broke off its answer. */
        UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE, "AI provider unavailable"),
        /** The provider did not answer, or stopped sending tokens, for longer than the configured limits. */
        TIMEOUT(HttpStatus.GATEWAY_TIMEOUT, "AI provider timed out"),
        /** The API key is missing, wrong or not allowed to use the model. */
        AUTH(HttpStatus.BAD_GATEWAY, "AI provider rejected the credentials"),
        /** The provider refused the request itself: unknown model, prompt too long, invalid parameter. */
        BAD_REQUEST(HttpStatus.BAD_GATEWAY, "AI provider refused the request"),
        /** The provider failed so often lately that DataMind stopped calling it for a while. */
        CIRCUIT_OPEN(HttpStatus.SERVICE_UNAVAILABLE, "AI provider paused"),
        /** Someone cancelled the request. */
        CANCELLED(HttpStatus.CONFLICT, "AI request cancelled"),
        /** The provider cannot answer this kind of question at all (the offline engine, for one). */
        DECLINED(HttpStatus.UNPROCESSABLE_CONTENT, "Question declined");

        private final HttpStatus status;
        private final String title;

        Category(HttpStatus status, String title) {
            this.status = status;
            this.title = title;
        }
    }

    private final Category category;
    private final transient Duration retryAfter;
    private final boolean retryable;
    // Set by the attempt that failed, after the exception is made: the mapping of SDK errors knows nothing of usage.
    private volatile TokenUsage spent = TokenUsage.NONE;

    public LlmException(Category category, String message) {
        this(category, message, null, null);
    }

    public LlmException(Category category, String message, Throwable cause) {
        this(category, message, cause, null);
    }

    LlmException(Category category, String message, Throwable cause, Duration retryAfter) {
        this(category, message, cause, retryAfter, defaultRetryable(category));
    }

    LlmException(Category category, String message, Throwable cause, Duration retryAfter, boolean retryable) {
        super(category.status, category.title, message);
        this.category = category;
        this.retryAfter = retryAfter;
        this.retryable = retryable;
        if (cause != null) {
            initCause(cause);
        }
    }

    public Category category() {
        return category;
    }

    /** How long the provider asked DataMind to wait before trying again, if it said. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    /**
     * The tokens the failed request used nonetheless, over all its attempts: what the provider reported before the
     * answer broke off, stalled or was cancelled, or an estimate where it reported nothing. Callers charge it.
     */
    public TokenUsage spent() {
        return spent;
    }

    LlmException spent(TokenUsage usage) {
        this.spent = usage;
        return this;
    }

    /** Whether another attempt may succeed: rate limits, server errors, timeouts and lost connections. */
    boolean retryable() {
        return retryable;
    }

    private static boolean defaultRetryable(Category category) {
        return switch (category) {
            case RATE_LIMITED, UNAVAILABLE, TIMEOUT -> true;
            default -> false;
        };
    }

    static LlmException cancelled() {
        return new LlmException(Category.CANCELLED, "The request to the AI provider was cancelled.");
    }
}
