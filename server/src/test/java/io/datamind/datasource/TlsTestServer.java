package io.datamind.datasource;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A loopback listener for the verify-full tests, registered as a {@code @RegisterExtension} field: before each test it
 * makes a keytool certificate for one name and answers every connection with the test's own conversation (the start
 * of a database protocol, up to and past its TLS handshake); after the test it stops listening.
 */
final class TlsTestServer implements BeforeEachCallback, AfterEachCallback {

    /** One client's conversation, on the accepted socket, with the certificate's server-side TLS context. */
    @FunctionalInterface
    interface Conversation {
        void answer(SSLContext tls, Socket raw) throws IOException;
    }

    private final String name;
    private final Conversation conversation;
    private Path folder;
    private TestCertificate certificate;
    private ServerSocket listener;
    private CompletableFuture<Void> server;

    TlsTestServer(String name, Conversation conversation) {
        this.name = name;
        this.conversation = conversation;
    }

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        folder = Files.createTempDirectory("datamind-tls");
        TestCertificate made = TestCertificate.forName(name, folder);
        ServerSocket socket = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
        certificate = made;
        listener = socket;
        server = CompletableFuture.runAsync(() -> {
            while (!socket.isClosed()) {
                try (Socket raw = socket.accept()) {
                    conversation.answer(made.serverContext(), raw);
                } catch (IOException e) {
                    // The client gave up (a refused certificate) or the test closed the listener.
                }
            }
        });
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        listener.close();
        server.get(10, TimeUnit.SECONDS);
        List<Path> files;
        try (Stream<Path> walk = Files.walk(folder)) {
            files = walk.sorted(Comparator.reverseOrder()).toList();
        }
        for (Path file : files) {
            Files.delete(file);
        }
    }

    int port() {
        return listener.getLocalPort();
    }

    /** The certificate as PEM, for the client's trust settings. */
    Path certificatePem() {
        return certificate.pem();
    }
}
