package io.datamind.datasource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datamind.support.TestServices;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Properties;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * MySQL/MariaDB {@code verify-full}: the URL keeps the typed name (for the driver's certificate host name check) and
 * the socket goes to the checked address through {@link io.datamind.query.MariadbPinnedSocketFactory}. The names end in
 * {@code .test}, which no DNS answers, so a working connection never looked them up.
 *
 * <p>The MariaDB on this machine has no TLS (and is shared, so it is not reconfigured here): the pinning half runs
 * against it with TLS off, the TLS half against a listener that speaks the start of the MySQL protocol (a greeting
 * offering TLS, the client's SSL request, a real TLS handshake with a keytool certificate for {@code db.datamind.test},
 * then an error packet after reading the client's login).
 */
class MariadbVerifyFullLiveTest {

    private static final String NAME = "db.datamind.test";
    private static final String REACHED = "reached the server over TLS";

    @TempDir
    Path temp;

    @RegisterExtension
    final TlsTestServer server = new TlsTestServer(NAME, MariadbVerifyFullLiveTest::answer);

    @Test
    void theCertificateIsCheckedAgainstTheTypedNameOverTheCheckedAddress() {
        JdbcConnectionSpec spec = spec(NAME, server.port());
        assertThat(spec.url()).startsWith("jdbc:mariadb://" + NAME + ":");

        assertThatThrownBy(() -> DriverManager.getConnection(spec.url(), trusting(spec)))
                .isInstanceOf(SQLException.class)
                .hasMessageContaining(REACHED);
    }

    @Test
    void aCertificateForAnotherNameIsRefused() {
        JdbcConnectionSpec spec = spec("other.datamind.test", server.port());

        assertThatThrownBy(() -> DriverManager.getConnection(spec.url(), trusting(spec)))
                .isInstanceOf(SQLException.class)
                .hasMessageNotContaining(REACHED)
                .hasMessageContaining("SSL hostname verification failed")
                .hasMessageContaining("\"other.datamind.test\" doesn't correspond to certificate");
    }

    @Test
    void anAddressTypedAsTheHostMustBeWhatTheCertificateNames() {
        JdbcConnectionSpec spec = spec("127.0.0.1", server.port());
        assertThat(spec.url()).startsWith("jdbc:mariadb://127.0.0.1:");

        assertThatThrownBy(() -> DriverManager.getConnection(spec.url(), trusting(spec)))
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("SSL hostname verification failed")
                .hasMessageContaining("\"127.0.0.1\" doesn't correspond to certificate");
    }

    @Test
    void theRealServerIsReachedThroughThePinnedAddressWithoutDns() throws Exception {
        JdbcConnectionSpec spec = spec(NAME, Integer.parseInt(TestServices.MARIADB_PORT));
        Properties plain = spec.properties();
        // This server has no TLS; the socket factory and the name in the URL are what is under test here.
        plain.setProperty("sslMode", "disable");

        try (Connection connection = DriverManager.getConnection(spec.url(), plain);
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT @@port, 1")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(Integer.parseInt(TestServices.MARIADB_PORT));
        }
    }

    private JdbcConnectionSpec spec(String host, int port) {
        FakeResolver resolver = new FakeResolver()
                .answer(NAME, TestServices.MARIADB_HOST)
                .answer("other.datamind.test", TestServices.MARIADB_HOST);
        ConnectionDetailsValidator validator = new ConnectionDetailsValidator(true, temp, resolver);
        return JdbcUrls.build(validator.validateForTest(new ConnectionDetails(
                null,
                "mariadb",
                host,
                port,
                null,
                TestServices.MARIADB_USER,
                null,
                "verify-full",
                Map.of("connectTimeout", "5000"),
                null)));
    }

    /** The certificate's issuer is this test's own: the driver is given it the way an operator would. */
    private Properties trusting(JdbcConnectionSpec spec) {
        Properties props = spec.properties();
        props.setProperty("serverSslCert", server.certificatePem().toString());
        return props;
    }

    /**
     * A protocol-10 greeting offering TLS, the client's SSL request, the TLS handshake, the client's login, then
     * an error packet naming what was reached.
     */
    private static void answer(SSLContext tls, Socket raw) throws IOException {
        raw.setSoTimeout(10_000);
        ByteArrayOutputStream greeting = new ByteArrayOutputStream();
        greeting.write(10);
        greeting.writeBytes("8.0.36\0".getBytes(StandardCharsets.US_ASCII));
        greeting.writeBytes(new byte[] {1, 0, 0, 0});
        greeting.writeBytes("abcdefgh".getBytes(StandardCharsets.US_ASCII));
        greeting.write(0);
        // PROTOCOL_41 | SSL | TRANSACTIONS | SECURE_CONNECTION, then MULTI_RESULTS | PLUGIN_AUTH.
        int capabilities = 0x0200 | 0x0800 | 0x2000 | 0x8000 | 0x20000 | 0x80000 | 0x1 | 0x8;
        greeting.write(capabilities & 0xff);
        greeting.write((capabilities >> 8) & 0xff);
        greeting.write(45);
        greeting.writeBytes(new byte[] {2, 0});
        greeting.write((capabilities >> 16) & 0xff);
        greeting.write((capabilities >> 24) & 0xff);
        greeting.write(21);
        greeting.writeBytes(new byte[10]);
        greeting.writeBytes("ijklmnopqrst\0".getBytes(StandardCharsets.US_ASCII));
        greeting.writeBytes("mysql_native_password\0".getBytes(StandardCharsets.US_ASCII));
        writePacket(raw.getOutputStream(), 0, greeting.toByteArray());
        DataInputStream in = new DataInputStream(raw.getInputStream());
        byte[] sslRequest = readPacket(in);
        if (sslRequest.length != 32) {
            return;
        }
        try (SSLSocket secure = (SSLSocket) tls.getSocketFactory().createSocket(raw, null, raw.getPort(), false)) {
            secure.setUseClientMode(false);
            secure.startHandshake();
            readPacket(new DataInputStream(secure.getInputStream()));
            ByteArrayOutputStream error = new ByteArrayOutputStream();
            error.write(0xff);
            error.writeBytes(new byte[] {(byte) 0x15, (byte) 0x04}); // 1045, access denied
            error.writeBytes(("#28000" + REACHED).getBytes(StandardCharsets.US_ASCII));
            writePacket(secure.getOutputStream(), 3, error.toByteArray());
        }
    }

    private static void writePacket(OutputStream out, int sequence, byte[] payload) throws IOException {
        out.write(new byte[] {
            (byte) payload.length, (byte) (payload.length >> 8), (byte) (payload.length >> 16), (byte) sequence
        });
        out.write(payload);
        out.flush();
    }

    private static byte[] readPacket(DataInputStream in) throws IOException {
        byte[] header = new byte[4];
        in.readFully(header);
        int length = (header[0] & 0xff) | (header[1] & 0xff) << 8 | (header[2] & 0xff) << 16;
        byte[] payload = new byte[length];
        in.readFully(payload);
        return payload;
    }
}
