package io.datamind.datasource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datamind.common.ApiException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.StringNode;

/**
 * Every case of {@code ../shared/security/connection-attack-cases.json} is refused, when testing and when saving,
 * with a 400 that names the offending field, and without a DNS lookup or a TCP connection: a local listener takes
 * the place of every 127.0.0.1 address in the cases (ports and URLs inside values), and must see nothing.
 */
class ConnectionAttackCasesTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The field each case attacks. A case added to the file without an entry here fails {@link #everyCase}. */
    static final Map<String, String> ATTACKED_FIELD = Map.ofEntries(
            Map.entry("C01", "properties"),
            Map.entry("C02", "properties"),
            Map.entry("C03", "properties"),
            Map.entry("C04", "properties"),
            Map.entry("C05", "properties"),
            Map.entry("C06", "database"),
            Map.entry("C07", "host"),
            Map.entry("C08", "properties"),
            Map.entry("C09", "properties"),
            Map.entry("C10", "properties"),
            Map.entry("C11", "properties"),
            Map.entry("C12", "database"),
            Map.entry("C13", "properties"),
            Map.entry("C14", "type"),
            Map.entry("C15", "filePath"),
            Map.entry("C16", "filePath"),
            Map.entry("C17", "filePath"),
            Map.entry("C18", "host"),
            Map.entry("C19", "host"),
            Map.entry("C20", "username"),
            Map.entry("C21", "type"));

    @TempDir
    static Path temp;

    private static ServerSocketChannel listener;
    private static int listenerPort;
    private static Path fileRoot;

    @BeforeAll
    static void listen() throws IOException {
        listener = ServerSocketChannel.open();
        listener.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));
        // Non-blocking: accept() answers at once, null when no connection ever reached the port.
        listener.configureBlocking(false);
        listenerPort = ((InetSocketAddress) listener.getLocalAddress()).getPort();
        fileRoot = Files.createDirectories(temp.resolve("files"));
        Files.writeString(fileRoot.resolve("sample.sqlite"), "x");
        Files.writeString(fileRoot.resolve("sample.duckdb"), "x");
        // The files the traversal cases aim at exist, so only the path check can stop them.
        Files.writeString(temp.resolve("outside.duckdb"), "x");
    }

    @AfterAll
    static void close() throws IOException {
        listener.close();
    }

    static Stream<Arguments> cases() throws IOException {
        return attackCases().stream().map(node -> Arguments.of(node.get("id").asString(), node));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void refusedOnTestAndOnSaveNamingTheFieldWithoutAnyLookupOrConnection(String id, ObjectNode attack)
            throws IOException {
        String field = ATTACKED_FIELD.get(id);
        assertThat(field).as("expected field for " + id).isNotNull();
        RecordingResolver resolver = new RecordingResolver();
        ConnectionDetailsValidator validator = new ConnectionDetailsValidator(true, fileRoot, resolver);
        ConnectionDetails details = details(aimAtListener(attack));

        assertRefused(() -> validator.validateForTest(details), field);
        assertRefused(() -> validator.validateForSave(named(details)), field);

        assertThat(resolver.lookups).as("DNS lookups").isEmpty();
        assertThat(nothingConnected()).as("the listener saw no connection").isTrue();
    }

    /**
     * The same case with only the attacked field made harmless is accepted: each case is refused for its attack,
     * not for an incidental mistake. (Cases whose attack is the type itself have nothing left to try.)
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void withTheAttackRemovedTheSameDetailsPass(String id, ObjectNode attack) throws IOException {
        String field = ATTACKED_FIELD.get(id);
        if (field.equals("type")) {
            assertThat(ConnectionType.fromId(attack.get("type").asString())).isEmpty();
            return;
        }
        ObjectNode harmless = aimAtListener(attack);
        switch (field) {
            case "properties" -> harmless.remove("properties");
            case "database" -> harmless.put("database", "test");
            case "host" -> harmless.put("host", "127.0.0.1").put("port", listenerPort);
            case "username" -> harmless.put("username", "u");
            case "filePath" ->
                harmless.put("filePath", "sample." + attack.get("type").asString());
            default -> throw new IllegalStateException(field);
        }
        RecordingResolver resolver = new RecordingResolver();
        ValidatedConnection accepted =
                new ConnectionDetailsValidator(true, fileRoot, resolver).validateForSave(named(details(harmless)));

        assertThat(accepted.type().id()).isEqualTo(attack.get("type").asString());
        assertThat(resolver.lookups).isEmpty();
        assertThat(nothingConnected()).isTrue();
    }

    @Test
    void everyCaseInTheFileHasAnExpectedFieldAndNoneIsMissing() throws IOException {
        Set<String> ids =
                attackCases().stream().map(node -> node.get("id").asString()).collect(Collectors.toSet());
        assertThat(ids).isEqualTo(ATTACKED_FIELD.keySet());
    }

    @Test
    void theListenerDoesNoticeAConnection() throws IOException {
        // The probe itself works: a real connection to it is seen.
        try (SocketChannel client = SocketChannel.open(new InetSocketAddress("127.0.0.1", listenerPort))) {
            listener.configureBlocking(true);
            try (SocketChannel accepted = listener.accept()) {
                assertThat(accepted.getRemoteAddress()).isEqualTo(client.getLocalAddress());
            } finally {
                listener.configureBlocking(false);
            }
        }
    }

    private static void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String field) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.status().value()).isEqualTo(400);
            assertThat(e.fieldErrors())
                    .extracting(ApiException.FieldError::field)
                    .containsOnly(field);
        });
    }

    private static boolean nothingConnected() throws IOException {
        SocketChannel accepted = listener.accept();
        if (accepted != null) {
            accepted.close();
            return false;
        }
        return true;
    }

    static List<ObjectNode> attackCases() throws IOException {
        Path file = Path.of(System.getProperty("datamind.shared-dir"), "security", "connection-attack-cases.json");
        JsonNode root = JSON.readTree(Files.readString(file));
        List<ObjectNode> cases = new ArrayList<>();
        StreamSupport.stream(root.get("cases").spliterator(), false).forEach(node -> cases.add((ObjectNode) node));
        assertThat(cases).hasSizeGreaterThanOrEqualTo(21);
        return cases;
    }

    private static ObjectNode aimAtListener(ObjectNode attack) {
        return aimAt(attack, listenerPort);
    }

    /** A copy where every 127.0.0.1 port, in the port field and inside any string, is {@code port}. */
    static ObjectNode aimAt(ObjectNode attack, int port) {
        ObjectNode copy = attack.deepCopy();
        copy.remove("id");
        copy.remove("why");
        Function<String, String> aim = text -> text.replaceAll("127\\.0\\.0\\.1:\\d+", "127.0.0.1:" + port);
        if (copy.has("host") && copy.get("host").asString().startsWith("127.0.0.1")) {
            copy.put("port", port);
        }
        for (String name : new HashSet<>(copy.propertyNames())) {
            JsonNode value = copy.get(name);
            if (value.isString()) {
                copy.set(name, StringNode.valueOf(aim.apply(value.asString())));
            }
        }
        if (copy.get("properties") instanceof ObjectNode properties) {
            for (String name : new HashSet<>(properties.propertyNames())) {
                properties.put(name, aim.apply(properties.get(name).asString()));
            }
        }
        return copy;
    }

    private static ConnectionDetails details(ObjectNode node) {
        return JSON.treeToValue(node, ConnectionDetails.class);
    }

    private static ConnectionDetails named(ConnectionDetails d) {
        return new ConnectionDetails(
                "Attack probe",
                d.type(),
                d.host(),
                d.port(),
                d.database(),
                d.username(),
                d.password(),
                d.sslMode(),
                d.properties(),
                d.filePath());
    }

    /** Records lookups and answers none: the cases must never get that far. */
    static final class RecordingResolver implements HostResolver {
        final List<String> lookups = new ArrayList<>();

        @Override
        public InetAddress[] resolve(String name) throws UnknownHostException {
            lookups.add(name);
            throw new UnknownHostException(name);
        }
    }
}
