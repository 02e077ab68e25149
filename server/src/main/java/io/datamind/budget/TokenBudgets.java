package io.datamind.budget;

import java.util.UUID;

/** An organization's monthly token budget: checked before every provider call, charged after it. */
public interface TokenBudgets {

    String EXCEEDED_MESSAGE =
            "Your organization has exceeded its monthly token budget. Please contact your administrator.";

    /** Whether the organization may still call a provider in the current period (UTC month). */
    boolean hasRemaining(UUID orgId);

    /** Adds the provider's reported usage to the current period; atomic, so concurrent calls lose nothing. */
    void record(UUID orgId, long inputTokens, long outputTokens);
}
