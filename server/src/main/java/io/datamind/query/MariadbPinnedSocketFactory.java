package io.datamind.query;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import org.mariadb.jdbc.Configuration;
import org.mariadb.jdbc.util.ConfigurableSocketFactory;

/**
 * The MariaDB driver's {@code socketFactory} for {@code verify-full} (MySQL's VERIFY_IDENTITY): as {@link
 * PinnedSocketFactory} for pgjdbc, the URL keeps the host name for the certificate check and the socket goes to the
 * checked address, read from the connection option {@value #OPTION}. The driver connects a socket only when it is not
 * connected yet (ConnectionHelper, 3.5), so it never resolves the name. Public because the driver instantiates it by
 * name; set only by the datasource module's JdbcUrls.
 */
public final class MariadbPinnedSocketFactory extends ConfigurableSocketFactory {

    /** An option the driver does not know: it keeps it among its non-mapped options for this factory to read. */
    public static final String OPTION = "datamindPinnedAddress";

    private PinnedAddress target;
    private int connectTimeoutMillis;

    @Override
    public void setConfiguration(Configuration conf, String host) {
        try {
            target = PinnedAddress.parse(conf.nonMappedOptions().getProperty(OPTION));
        } catch (IOException e) {
            target = null;
        }
        connectTimeoutMillis = conf.connectTimeout();
    }

    @Override
    public Socket createSocket() throws IOException {
        if (target == null) {
            throw new IOException("no checked address to connect to");
        }
        return target.connect(connectTimeoutMillis);
    }

    // The host and port the driver might pass are the URL's; the checked address always wins.

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
