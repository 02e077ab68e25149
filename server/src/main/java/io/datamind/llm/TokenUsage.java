package io.datamind.llm;

/**
 * Tokens a provider call used, to be charged to the organization's budget.
 *
 * @param input prompt tokens
 * @param output answer tokens
 * @param estimated whether any of the figures is DataMind's estimate (about four characters a token) rather than
 *     the provider's own count: a call that broke off, stalled or was cancelled before the provider reported it all
 */
public record TokenUsage(long input, long output, boolean estimated) {

    public static final TokenUsage NONE = new TokenUsage(0, 0, false);

    public TokenUsage {
        if (input < 0 || output < 0) {
            throw new IllegalArgumentException("token counts cannot be negative");
        }
    }

    public TokenUsage plus(TokenUsage other) {
        return new TokenUsage(
                Math.addExact(input, other.input), Math.addExact(output, other.output), estimated || other.estimated);
    }

    public boolean isNone() {
        return input == 0 && output == 0;
    }
}
