package io.datamind.query;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Connection tests on a fresh connection. A network failure always takes the full connect timeout and reads the
 * same, so neither the message nor the time it took tells a closed port from a filtered one or a silent service.
 */
final class ConnectionTester {

    private static final Logger log = LoggerFactory.getLogger(ConnectionTester.class);
    static final String READ_ONLY_ADVICE = "; a read-only database user is recommended";

    private final QueryProperties config;
    private final DriverConnector connector;

    ConnectionTester(QueryProperties config, DriverConnector connector) {
        this.config = config;
        this.connector = connector;
    }

    ConnectionProbe test(DataSourceTarget target) {
        long started = System.nanoTime();
        VendorRules rules = VendorRules.of(target.type());
        try {
            connector.check(target);
        } catch (QueryFailedException e) {
            return failed(e.getMessage());
        }
        try (Connection connection = connector.open(target)) {
            if (rules.supportsReadOnlyFlag()) {
                connection.setReadOnly(true);
            }
            DatabaseMetaData metaData = connection.getMetaData();
            String version = metaData.getDatabaseProductName() + " " + metaData.getDatabaseProductVersion();
            long latencyMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            List<String> warnings = writeWarnings(connection, rules);
            return new ConnectionProbe(true, latencyMs, version, "Connected to " + version, warnings);
        } catch (SQLException e) {
            String message = QueryErrors.connectMessage(e, target);
            if (QueryErrors.NETWORK_FAILURE.equals(message)) {
                waitOutConnectTimeout(started);
            }
            log.debug("Connection test of {} failed: {}", target.connectionId(), e.toString());
            return failed(message);
        } catch (RuntimeException e) {
            waitOutConnectTimeout(started);
            log.debug("Connection test of {} failed", target.connectionId(), e);
            return failed(QueryErrors.NETWORK_FAILURE);
        }
    }

    private List<String> writeWarnings(Connection connection, VendorRules rules) {
        try {
            if (rules.transactional()) {
                connection.setAutoCommit(false);
            }
            List<String> capabilities = rules.writeCapabilities(connection);
            if (rules.transactional()) {
                connection.rollback();
            }
            return capabilities.isEmpty()
                    ? List.of()
                    : List.of("The configured user can write (" + String.join(", ", capabilities) + ")"
                            + READ_ONLY_ADVICE);
        } catch (SQLException e) {
            // The check is advice: a user that cannot read the catalog still connected.
            log.debug("Could not check the write privileges of the configured user: {}", e.toString());
            return List.of();
        }
    }

    private void waitOutConnectTimeout(long started) {
        long remaining = config.connectTimeout().toNanos() - (System.nanoTime() - started);
        if (remaining > 0) {
            try {
                TimeUnit.NANOSECONDS.sleep(remaining);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static ConnectionProbe failed(String message) {
        return new ConnectionProbe(false, 0, null, message, List.of());
    }
}
