package io.datamind.ask;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the ask pipeline.
 *
 * @param resultCacheTtl how long the result of the same SQL on the same connection is reused; 0 turns the cache off
 * @param resultCacheMaxCells result cells (rows times columns) the in-process cache holds at most
 * @param schemaTokenBudget the most tokens the schema part of a prompt may take
 * @param historyTurns earlier questions of the conversation the prompt carries at most
 * @param maxQuestionLength the longest question accepted, in characters
 */
@ConfigurationProperties("datamind.ask")
record AskProperties(
        @DefaultValue("5m") Duration resultCacheTtl,
        @DefaultValue("2000000") long resultCacheMaxCells,
        @DefaultValue("6000") int schemaTokenBudget,
        @DefaultValue("6") int historyTurns,
        @DefaultValue("2000") int maxQuestionLength) {

    AskProperties {
        if (resultCacheTtl.isNegative()) {
            throw new IllegalArgumentException("datamind.ask.result-cache-ttl must not be negative");
        }
        if (schemaTokenBudget < 100 || historyTurns < 0 || maxQuestionLength < 10) {
            throw new IllegalArgumentException(
                    "datamind.ask: schema-token-budget >= 100, history-turns >= 0, max-question-length >= 10");
        }
    }
}
