package io.datamind.ask;

import java.util.UUID;

/**
 * A question.
 *
 * @param sessionId the conversation to continue; null starts one titled from the question
 * @param requestId the transport's id for this question (used to cancel it); null for none
 */
public record AskCommand(UUID connectionId, String question, UUID sessionId, String requestId) {}
