package io.datamind.datasource;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.Properties;
import java.util.regex.Pattern;
import javax.net.SocketFactory;

/**
 * pgjdbc's {@code socketFactory} for {@code verify-full}: the URL keeps the host name, so pgjdbc checks the server
 * certificate against it, while every socket goes to the address that was resolved and checked when the connection
 * was validated (no DNS lookup at connect time, so DNS rebinding cannot redirect it). Set only by {@link JdbcUrls},
 * with the checked address literal and port in {@code socketFactoryArg}; users cannot name a socket factory (that is
 * CVE-2022-21724's way in).
 *
 * <p>pgjdbc connects a socket from {@link #createSocket()} only when it is not connected yet (PGStream, 42.7): this
 * factory returns it connected, so pgjdbc never resolves the host name. Cancel requests go through it as well.
 * Public because pgjdbc instantiates it by name.
 */
public final class PinnedSocketFactory extends SocketFactory {

    /** {@code socketFactoryArg}: an IPv4 or bracketed IPv6 literal and a port, as {@link JdbcUrls} writes it. */
    static final Pattern ARGUMENT = Pattern.compile("(\\d{1,3}(?:\\.\\d{1,3}){3}|\\[[0-9a-fA-F:.]+\\]):(\\d{1,5})");

    private final InetSocketAddress target;
    private final int connectTimeoutMillis;

    /** Called by pgjdbc with the connection's properties. */
    public PinnedSocketFactory(Properties info) throws IOException {
        this.target = target(info.getProperty("socketFactoryArg"));
        this.connectTimeoutMillis = connectTimeoutMillis(info.getProperty("connectTimeout"));
    }

    static String argument(ValidatedConnection connection) {
        return connection.addressLiteral() + ":" + connection.port();
    }

    private static InetSocketAddress target(String argument) throws IOException {
        var match = argument == null ? null : ARGUMENT.matcher(argument);
        if (match == null || !match.matches()) {
            throw new IOException("no checked address to connect to");
        }
        String literal = match.group(1).replace("[", "").replace("]", "");
        int port = Integer.parseInt(match.group(2));
        if (port < 1 || port > 65535) {
            throw new IOException("no checked address to connect to");
        }
        // A literal (checked by the pattern): getByName parses it without asking DNS.
        return new InetSocketAddress(InetAddress.getByName(literal), port);
    }

    /** pgjdbc's {@code connectTimeout} is in seconds, 10 by default; 0 waits as long as the system does. */
    private static int connectTimeoutMillis(String seconds) {
        if (seconds == null || !seconds.matches("\\d{1,6}")) {
            return 10_000;
        }
        return Integer.parseInt(seconds) * 1000;
    }

    @Override
    public Socket createSocket() throws IOException {
        Socket socket = new Socket();
        try {
            socket.connect(target, connectTimeoutMillis);
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
        return socket;
    }

    // The host and port pgjdbc might pass are the URL's; the checked address always wins.

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return createSocket();
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        return createSocket();
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return createSocket();
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
            throws IOException {
        return createSocket();
    }
}
