package io.datamind.query;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.util.Properties;
import javax.net.SocketFactory;

/**
 * pgjdbc's {@code socketFactory} for {@code verify-full}: the URL keeps the host name, so pgjdbc checks the server
 * certificate against it, while every socket goes to the address that was resolved and checked when the connection
 * was validated (no DNS lookup at connect time, so DNS rebinding cannot redirect it). Set only by the datasource
 * module's JdbcUrls, with the checked address and port in {@code socketFactoryArg} ({@code address:port}, IPv6 in
 * brackets); users cannot name a socket factory (that is CVE-2022-21724's way in).
 *
 * <p>pgjdbc connects a socket from {@link #createSocket()} only when it is not connected yet (PGStream, 42.7): this
 * factory returns it connected, so pgjdbc never resolves the host name. Cancel requests go through it as well.
 * Public because pgjdbc instantiates it by name; it lives in this module because only the query module may touch
 * database drivers.
 */
public final class PinnedSocketFactory extends SocketFactory {

    private final PinnedAddress target;
    private final int connectTimeoutMillis;

    /** Called by pgjdbc with the connection's properties. */
    public PinnedSocketFactory(Properties info) throws IOException {
        this.target = PinnedAddress.parse(info.getProperty("socketFactoryArg"));
        this.connectTimeoutMillis = connectTimeoutMillis(info.getProperty("connectTimeout"));
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
        return target.connect(connectTimeoutMillis);
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
