package io.datamind.llm;

import java.time.Duration;

/**
 * Socket-level limits for the SDKs' HTTP client. The read timeout sits a little above DataMind's own token timeouts:
 * those give the user the precise message, this one frees the reading thread if a server stops sending bytes.
 *
 * @param connect longest wait to open a connection
 * @param read longest wait for the next bytes on an open connection
 * @param request longest time a whole answer may take
 */
record HttpTimeouts(Duration connect, Duration read, Duration request) {

    static final String USER_AGENT = "DataMind";
    private static final Duration READ_SLACK = Duration.ofSeconds(5);

    static HttpTimeouts of(LlmProperties properties) {
        Duration longestWait = properties.firstTokenTimeout().compareTo(properties.streamIdleTimeout()) > 0
                ? properties.firstTokenTimeout()
                : properties.streamIdleTimeout();
        return new HttpTimeouts(properties.connectTimeout(), longestWait.plus(READ_SLACK), properties.requestTimeout());
    }

    com.anthropic.core.Timeout anthropic() {
        return com.anthropic.core.Timeout.builder()
                .connect(connect)
                .read(read)
                .write(read)
                .request(request)
                .build();
    }

    com.openai.core.Timeout openAi() {
        return com.openai.core.Timeout.builder()
                .connect(connect)
                .read(read)
                .write(read)
                .request(request)
                .build();
    }
}
