package io.datamind.datasource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datamind.support.TestServices;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.Driver;

/**
 * PostgreSQL {@code verify-full} with a certificate that names the host, not its address: pgjdbc checks the certificate
 * against the typed name while the socket goes to the address checked at validation ({@link
 * io.datamind.query.PinnedSocketFactory}). The names end in {@code .test}, which no DNS answers, so a connection that
 * works proves pgjdbc never looked the name up.
 *
 * <p>The PostgreSQL on this machine runs without TLS (and is shared, so it is not reconfigured here): the TLS half runs
 * against a listener that speaks the start of PostgreSQL's protocol (SSLRequest, a real TLS handshake with a
 * certificate made by keytool for {@code pg.datamind.test}, then a FATAL error after reading the startup message), and
 * the pinning half against the real server with TLS off.
 */
class PostgresVerifyFullLiveTest {

    private static final String NAME = "pg.datamind.test";
    private static final String REACHED = "reached the server over TLS";

    @TempDir
    Path temp;

    @RegisterExtension
    final TlsTestServer server = new TlsTestServer(NAME, PostgresVerifyFullLiveTest::answer);

    @Test
    void theCertificateIsCheckedAgainstTheTypedNameOverTheCheckedAddress() {
        JdbcConnectionSpec spec = spec(NAME, server.port());
        assertThat(spec.url()).startsWith("jdbc:postgresql://" + NAME + ":");

        // The handshake and the host name check passed: pgjdbc sent its startup message and got the server's error.
        assertThatThrownBy(() -> connect(spec, tlsTrusting(spec)))
                .isInstanceOf(SQLException.class)
                .hasMessageContaining(REACHED);
    }

    @Test
    void aCertificateForAnotherNameIsRefused() {
        JdbcConnectionSpec spec = spec("other.datamind.test", server.port());

        assertThatThrownBy(() -> connect(spec, tlsTrusting(spec)))
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("other.datamind.test could not be verified")
                .hasMessageNotContaining(REACHED);
    }

    @Test
    void anAddressTypedAsTheHostMustBeWhatTheCertificateNames() {
        // The old behaviour for every host: the IP in the URL, which this certificate does not list.
        JdbcConnectionSpec spec = spec("127.0.0.1", server.port());
        assertThat(spec.url()).startsWith("jdbc:postgresql://127.0.0.1:");

        assertThatThrownBy(() -> connect(spec, tlsTrusting(spec)))
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("127.0.0.1 could not be verified");
    }

    @Test
    void theRealServerIsReachedThroughThePinnedAddressWithoutDns() throws Exception {
        JdbcConnectionSpec spec = spec(NAME, Integer.parseInt(TestServices.PG_PORT));
        Properties plain = spec.properties();
        // This server has no TLS; the socket factory and the name in the URL are what is under test here.
        plain.setProperty("sslmode", "disable");

        try (Connection connection = connect(spec, plain);
                Statement statement = connection.createStatement();
                ResultSet rs =
                        statement.executeQuery("SELECT inet_server_port(), current_setting('application_name')")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(Integer.parseInt(TestServices.PG_PORT));
            assertThat(rs.getString(2)).isEqualTo("DataMind");
        }
    }

    private JdbcConnectionSpec spec(String host, int port) {
        FakeResolver resolver = new FakeResolver()
                .answer(NAME, TestServices.PG_HOST)
                .answer("other.datamind.test", TestServices.PG_HOST);
        ConnectionDetailsValidator validator = new ConnectionDetailsValidator(true, temp, resolver);
        return JdbcUrls.build(validator.validateForTest(new ConnectionDetails(
                null,
                "postgresql",
                host,
                port,
                "test",
                TestServices.PG_USER,
                null,
                "verify-full",
                java.util.Map.of("connectTimeout", "5"),
                null)));
    }

    /** The certificate's issuer is this test's own: its trust store is given the way an operator would. */
    private Properties tlsTrusting(JdbcConnectionSpec spec) {
        Properties props = spec.properties();
        props.setProperty("sslrootcert", server.certificatePem().toString());
        props.setProperty("sslcert", temp.resolve("none.crt").toString());
        return props;
    }

    private static Connection connect(JdbcConnectionSpec spec, Properties props) throws SQLException {
        return new Driver().connect(spec.url(), props);
    }

    /** SSLRequest, 'S', the TLS handshake, the startup message, then a FatalError naming what was reached. */
    private static void answer(SSLContext tls, Socket raw) throws IOException {
        raw.setSoTimeout(10_000);
        DataInputStream in = new DataInputStream(raw.getInputStream());
        int length = in.readInt();
        int code = in.readInt();
        if (length != 8 || code != 80877103) {
            return;
        }
        raw.getOutputStream().write('S');
        raw.getOutputStream().flush();
        try (SSLSocket secure = (SSLSocket) tls.getSocketFactory().createSocket(raw, null, raw.getPort(), false)) {
            secure.setUseClientMode(false);
            secure.startHandshake();
            DataInputStream startup = new DataInputStream(secure.getInputStream());
            int size = startup.readInt();
            startup.readFully(new byte[size - 4]);
            OutputStream out = secure.getOutputStream();
            byte[] fields = ("SFATAL\0VFATAL\0C28000\0M" + REACHED + "\0\0").getBytes(StandardCharsets.US_ASCII);
            out.write('E');
            out.write(java.nio.ByteBuffer.allocate(4).putInt(fields.length + 4).array());
            out.write(fields);
            out.flush();
        }
    }
}
