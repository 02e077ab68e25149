package io.datamind.datasource;

import static org.assertj.core.api.Assertions.assertThat;

import io.datamind.support.HttpApi;
import io.datamind.support.IntegrationTest;
import io.datamind.support.TestAccounts;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@link ConnectionAttackCasesTest} through the real API: every case of {@code connection-attack-cases.json},
 * posted to {@code POST /api/v1/connections} and {@code POST /api/v1/connections/test} by an admin, is a 400
 * problem+json naming the attacked field, nothing is saved, and a local listener standing in for every 127.0.0.1
 * address of the cases sees no connection.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConnectionAttackCasesApiTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private HttpApi api;
    private TestAccounts.Account owner;
    private String token;
    private ServerSocketChannel listener;
    private int listenerPort;

    @BeforeAll
    void setUp() throws IOException {
        api = new HttpApi(port);
        owner = TestAccounts.registerOwner(api);
        token = TestAccounts.token(api, owner).accessToken();
        listener = ServerSocketChannel.open();
        listener.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));
        listener.configureBlocking(false);
        listenerPort = ((InetSocketAddress) listener.getLocalAddress()).getPort();
    }

    @AfterAll
    void close() throws IOException {
        listener.close();
    }

    static Stream<Arguments> cases() throws IOException {
        return ConnectionAttackCasesTest.attackCases().stream()
                .map(node -> Arguments.of(node.get("id").asString(), node));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void refusedOnSaveAndOnTestNamingTheFieldAndNothingIsSaved(String id, ObjectNode attack) throws IOException {
        String field = ConnectionAttackCasesTest.ATTACKED_FIELD.get(id);
        assertThat(field).as("expected field for " + id).isNotNull();
        ObjectNode body = ConnectionAttackCasesTest.aimAt(attack, listenerPort);
        body.put("name", "Attack probe " + id);
        long before = savedConnections();

        assertRefused(
                api.request("POST", "/api/v1/connections")
                        .bearer(token)
                        .json(body)
                        .send(),
                field);
        assertRefused(
                api.request("POST", "/api/v1/connections/test")
                        .bearer(token)
                        .json(body)
                        .send(),
                field);

        assertThat(savedConnections()).as("connections saved").isEqualTo(before);
        assertThat(api.request("GET", "/api/v1/connections?limit=200")
                        .bearer(token)
                        .send()
                        .body())
                .doesNotContain("Attack probe");
        SocketChannel accepted = listener.accept();
        if (accepted != null) {
            accepted.close();
        }
        assertThat(accepted).as("the listener saw no connection").isNull();
    }

    private long savedConnections() {
        return jdbc.sql("SELECT count(*) FROM connections WHERE org_id = :org")
                .param("org", owner.orgId())
                .query(Long.class)
                .single();
    }

    private static void assertRefused(HttpApi.Response response, String field) {
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.header("Content-Type"))
                .as(response.toString())
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode errors = response.json().get("errors");
        assertThat(errors).as(response.toString()).isNotNull();
        assertThat(errors.valueStream().map(error -> error.get("field").asString()))
                .as(response.toString())
                .containsOnly(field);
    }
}
