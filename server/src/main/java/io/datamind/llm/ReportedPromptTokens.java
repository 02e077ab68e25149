package io.datamind.llm;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;
import okio.ForwardingSource;
import okio.Okio;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The prompt tokens a provider reports as soon as its streamed answer starts (Anthropic's {@code message_start}),
 * read from the stream as it passes. Spring AI keeps that figure to itself until the answer ends, so an answer that
 * breaks off, stalls or is cancelled would otherwise be charged an estimate although the provider said what it bills.
 * Only the opening of the stream is read: the figure comes first, and the rest passes untouched.
 */
final class ReportedPromptTokens {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final long OPENING = 64 * 1024;

    private final StringBuilder line = new StringBuilder();
    private long seen;
    private volatile long promptTokens;

    /** The response, its body read through this when it is a stream. */
    Response watch(Response response) {
        ResponseBody body = response.body();
        if (body == null || !response.isSuccessful() || !isEventStream(response)) {
            return response;
        }
        BufferedSource source = Okio.buffer(new ForwardingSource(body.source()) {
            @Override
            public long read(Buffer sink, long byteCount) throws IOException {
                long read = super.read(sink, byteCount);
                if (read > 0 && promptTokens == 0 && seen < OPENING) {
                    Buffer copy = new Buffer();
                    sink.copyTo(copy, sink.size() - read, read);
                    scan(copy.readString(StandardCharsets.UTF_8));
                    seen += read;
                }
                return read;
            }
        });
        return response.newBuilder()
                .body(ResponseBody.create(source, body.contentType(), body.contentLength()))
                .build();
    }

    /** The prompt tokens the provider reported so far; 0 when it reported none. */
    long promptTokens() {
        return promptTokens;
    }

    private void scan(String chunk) {
        for (int i = 0; i < chunk.length(); i++) {
            char c = chunk.charAt(i);
            if (c == '\n') {
                data(line.toString());
                line.setLength(0);
            } else if (c != '\r') {
                line.append(c);
            }
        }
    }

    private void data(String eventLine) {
        if (!eventLine.startsWith("data:") || !eventLine.contains("input_tokens")) {
            return;
        }
        try {
            JsonNode event = JSON.readTree(eventLine.substring("data:".length()).trim());
            JsonNode tokens = event.findValue("input_tokens");
            if (tokens != null && tokens.isNumber() && tokens.asLong() > 0) {
                promptTokens = tokens.asLong();
            }
        } catch (RuntimeException e) {
            // Not JSON after all: the SDK will say what is wrong with the stream.
        }
    }

    private static boolean isEventStream(Response response) {
        String type = response.header("Content-Type");
        return type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("text/event-stream");
    }
}
