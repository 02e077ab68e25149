package io.datamind.query;

import java.util.List;

/**
 * The outcome of a connection test.
 *
 * @param latencyMs time to connect and ask the server its version; 0 when the test failed
 * @param serverVersion product and version as the server reports them, or {@code null} on failure
 * @param message a sentence for the user; network failures all read the same, whatever the port did
 * @param warnings advice that does not stop the connection from working (a user that can write, say)
 */
public record ConnectionProbe(boolean ok, long latencyMs, String serverVersion, String message, List<String> warnings) {

    public ConnectionProbe {
        warnings = List.copyOf(warnings);
    }
}
