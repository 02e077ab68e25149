package io.datamind.datasource;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * Connection details as a user types them (the body of the connection endpoints). Nothing here is trusted: every
 * field goes through {@link ConnectionDetailsValidator} before anything is resolved, opened or stored. Types are
 * deliberately loose ({@code type} and {@code sslMode} are strings) so a wrong value becomes a 400 naming the field
 * instead of a JSON mapping error.
 *
 * @param name label shown in the UI; required when saving
 * @param type {@code postgresql}, {@code mysql}, {@code mariadb}, {@code sqlite}, {@code duckdb}, {@code
 *     clickhouse}, {@code trino} or {@code sqlserver}
 * @param host host name or IP address (IPv6 with or without brackets), network types only
 * @param port TCP port; the type's default when absent
 * @param database database name (Trino: {@code catalog} or {@code catalog.schema})
 * @param username database user
 * @param password database password; write-only, never echoed
 * @param sslMode {@code disable}, {@code prefer}, {@code require}, {@code verify-ca} or {@code verify-full}
 * @param properties extra driver properties, only from the type's allowlist
 * @param filePath for SQLite and DuckDB: a path relative to {@code datamind.sources.file-root}
 */
public record ConnectionDetails(
        String name,
        String type,
        String host,
        Integer port,
        String database,
        String username,

        @JsonProperty(access = JsonProperty.Access.WRITE_ONLY)
        String password,

        String sslMode,
        Map<String, String> properties,
        String filePath) {

    @Override
    public String toString() {
        return "ConnectionDetails[name=" + name + ", type=" + type + ", host=" + host + ", port=" + port
                + ", database=" + database + ", username=" + username + ", password="
                + (password == null ? "null" : "***") + ", sslMode=" + sslMode + ", properties=" + properties
                + ", filePath=" + filePath + "]";
    }
}
