package io.datamind.datasource;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;

/**
 * A loopback listener for the verify-full tests, holding a keytool certificate for one name: every connection is
 * answered with the test's own conversation (the start of a database protocol, up to and past its TLS handshake) until
 * the listener is closed.
 */
final class TlsTestServer implements AutoCloseable {

    /** One client's conversation, on the accepted socket, with the certificate's server-side TLS context. */
    @FunctionalInterface
    interface Conversation {
        void answer(SSLContext tls, Socket raw) throws IOException;
    }

    private final TestCertificate certificate;
    private final ServerSocket listener;
    private final CompletableFuture<Void> server;

    private TlsTestServer(TestCertificate certificate, Conversation conversation) throws IOException {
        this.certificate = certificate;
        this.listener = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
        this.server = CompletableFuture.runAsync(() -> {
            while (!listener.isClosed()) {
                try (Socket raw = listener.accept()) {
                    conversation.answer(certificate.serverContext(), raw);
                } catch (IOException e) {
                    // The client gave up (a refused certificate) or the test closed the listener.
                }
            }
        });
    }

    /** Starts listening with a new certificate for {@code name}, its files kept in {@code folder}. */
    static TlsTestServer start(String name, Path folder, Conversation conversation) throws Exception {
        return new TlsTestServer(TestCertificate.forName(name, folder), conversation);
    }

    int port() {
        return listener.getLocalPort();
    }

    /** The certificate as PEM, for the client's trust settings. */
    Path certificatePem() {
        return certificate.pem();
    }

    @Override
    public void close() throws Exception {
        listener.close();
        server.get(10, TimeUnit.SECONDS);
    }
}
