package io.datamind.chatstream;

import io.datamind.ask.AskCommand;
import io.datamind.auth.Caller;
import io.datamind.common.NotFoundException;
import io.datamind.common.web.RequestIds;
import io.datamind.datasource.ConnectionTargets;
import io.datamind.llm.CancellationToken;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** The streamed answer as server-sent events, for clients that prefer plain HTTP to a WebSocket. */
@RestController
class ChatStreamController implements DisposableBean {

    static final String PATH = "/api/v1/chat/messages/stream";

    private final StreamedAsk streamedAsk;
    private final AskExecutor executor;
    private final ConnectionTargets connections;
    private final ChatStreamProperties properties;
    private final ScheduledExecutorService heartbeats = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "chat-sse-heartbeat");
        thread.setDaemon(true);
        return thread;
    });

    ChatStreamController(
            StreamedAsk streamedAsk,
            AskExecutor executor,
            ConnectionTargets connections,
            ChatStreamProperties properties) {
        this.streamedAsk = streamedAsk;
        this.executor = executor;
        this.connections = connections;
        this.properties = properties;
    }

    /**
     * @param connectionId the connection to ask
     * @param question the question
     * @param sessionId the conversation to continue; none starts one
     * @param requestId echoed in every event; defaults to the request's X-Request-ID
     */
    record StreamRequest(
            @NotNull UUID connectionId,
            @NotBlank String question,
            UUID sessionId,
            @Size(max = 100) String requestId) {}

    @Operation(
            summary = "Ask a question and stream the answer as server-sent events",
            description = "Events: stage, token, result, then chat_response (the same body as POST"
                    + " /api/v1/chat/messages), or error (with an RFC 9457 problem). Closing the connection cancels"
                    + " the question. See docs/streaming.md.")
    @PostMapping(PATH)
    SseEmitter stream(Caller caller, @Valid @RequestBody StreamRequest request) {
        // Checked before the stream starts, so an unknown connection (or another organization's) is a plain 404.
        if (!connections.exists(caller.orgId(), request.connectionId())) {
            throw new NotFoundException("Connection");
        }
        String requestId = request.requestId() != null ? request.requestId() : RequestIds.current();
        // The client's id only labels the events: the query runs under a fresh one (see ChatSocketHandler).
        AskCommand command = new AskCommand(
                request.connectionId(),
                request.question(),
                request.sessionId(),
                UUID.randomUUID().toString());
        CancellationToken cancel = new CancellationToken();
        SseEmitter emitter = new SseEmitter(properties.sseTimeout().toMillis());
        EventStream stream = new EventStream(emitter, cancel);
        emitter.onTimeout(stream::abandon);
        emitter.onError(error -> stream.abandon());
        executor.submit(cancel, () -> {
            stream.heartbeat(heartbeats, properties.sseHeartbeat());
            try {
                streamedAsk.run(() -> caller, command, requestId, PATH, stream::send, cancel);
            } finally {
                stream.finish();
            }
        });
        return emitter;
    }

    @Override
    public void destroy() {
        heartbeats.shutdownNow();
    }
}
