package io.datamind.ask;

import io.datamind.auth.Caller;
import io.datamind.llm.CancellationToken;

/**
 * Answers one question: runs the whole pipeline (budget, conversation, schema context, examples, SQL generation,
 * check, execution, repair, chart, analysis), stores the turn, and returns the answer. Transports (REST, WebSocket,
 * server-sent events, later MCP) call this and relay the events.
 */
public interface AskService {

    /**
     * @param listener receives stage, token and result events in order, on the asking thread or a provider thread
     * @param cancel stops the model stream and the database query; the answer then has status {@code failed}
     * @return the stored answer; providers that fail or decline give an answer with that status, never an exception
     * @throws io.datamind.common.ApiException for bad input: unknown connection or session (404), a blank or
     *     overlong question (400)
     */
    ChatAnswer ask(Caller caller, AskCommand command, AskListener listener, CancellationToken cancel);
}
