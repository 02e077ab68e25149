package io.datamind.datasource;

import io.datamind.query.DataSourceTarget;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

/**
 * Runner targets built the way a saved connection's are ({@link JdbcUrls} and {@link ConnectionTargets#target}: the
 * read-only SQLite open mode, PostgreSQL's session settings, the fingerprint), for benchmarks that run without the
 * application database. The address check of {@link ConnectionDetailsValidator} is skipped: benchmarks read local
 * files and the local PostgreSQL, which that check refuses by default.
 */
public final class StandaloneTargets {

    private StandaloneTargets() {}

    public static DataSourceTarget sqlite(UUID orgId, String name, Path file) {
        ValidatedConnection connection = new ValidatedConnection(
                name, ConnectionType.SQLITE, null, null, 0, null, null, null, null, Map.of(), file.toAbsolutePath());
        return ConnectionTargets.target(id(name), orgId, connection);
    }

    public static DataSourceTarget duckdb(UUID orgId, String name, Path file) {
        ValidatedConnection connection = new ValidatedConnection(
                name, ConnectionType.DUCKDB, null, null, 0, null, null, null, null, Map.of(), file.toAbsolutePath());
        return ConnectionTargets.target(id(name), orgId, connection);
    }

    public static DataSourceTarget postgres(
            UUID orgId, String name, String host, int port, String database, String user, String password) {
        ValidatedConnection connection = new ValidatedConnection(
                name,
                ConnectionType.POSTGRESQL,
                host,
                address(host),
                port,
                database,
                user,
                password,
                SslMode.PREFER,
                Map.of(),
                null);
        return ConnectionTargets.target(id(name), orgId, connection);
    }

    private static UUID id(String name) {
        return UUID.nameUUIDFromBytes(("bench:" + name).getBytes(StandardCharsets.UTF_8));
    }

    private static InetAddress address(String host) {
        try {
            return InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("Unknown host " + host, e);
        }
    }
}
