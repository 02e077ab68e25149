package io.datamind.query;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The checked address and port a pinning socket factory connects to, written by the datasource module's JdbcUrls as
 * {@code 203.0.113.10:5432} or {@code [2001:db8:0:0:0:0:0:10]:5432} and read back by the factory the driver
 * instantiates.
 */
final class PinnedAddress {

    private static final Pattern TEXT = Pattern.compile("(\\d{1,3}(?:\\.\\d{1,3}){3}|\\[[0-9a-fA-F:.]+\\]):(\\d{1,5})");

    private final InetSocketAddress target;

    private PinnedAddress(InetSocketAddress target) {
        this.target = target;
    }

    static PinnedAddress parse(String text) throws IOException {
        Matcher match = text == null ? null : TEXT.matcher(text);
        if (match == null || !match.matches()) {
            throw new IOException("no checked address to connect to");
        }
        String literal = match.group(1).replace("[", "").replace("]", "");
        int port = Integer.parseInt(match.group(2));
        if (port < 1 || port > 65535) {
            throw new IOException("no checked address to connect to");
        }
        // A literal (the pattern allows nothing else): getByName parses it without asking DNS.
        return new PinnedAddress(new InetSocketAddress(InetAddress.getByName(literal), port));
    }

    /** A socket already connected to the checked address, so the driver does not connect it to the URL host. */
    Socket connect(int timeoutMillis) throws IOException {
        Socket socket = new Socket();
        try {
            socket.connect(target, Math.max(0, timeoutMillis));
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
        return socket;
    }
}
