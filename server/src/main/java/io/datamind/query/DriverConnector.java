package io.datamind.query;

import io.datamind.query.QueryFailedException.Category;
import java.io.PrintWriter;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLNonTransientConnectionException;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * Opens connections through the one driver class of each database type, never through {@code DriverManager}: a URL
 * for another driver (H2 is on the class path for DataMind's own database) is refused rather than handed to
 * whichever driver accepts it. Each new connection gets the runner's read-only session set-up before anyone uses it.
 */
final class DriverConnector {

    // Driver options that load classes, run code, read local files or would undo the runner's own settings. The
    // datasource module builds URLs from typed fields and never writes these; refusing them here is a second layer.
    private static final Set<String> FORBIDDEN_URL_OPTIONS = forbiddenUrlOptions();
    private static final Pattern URL_OPTION = Pattern.compile("[?;&]\\s*([^=?;&]+?)\\s*=");

    private final QueryProperties config;
    private final Map<DatabaseType, Driver> drivers = new ConcurrentHashMap<>();

    DriverConnector(QueryProperties config) {
        this.config = config;
    }

    /** One new connection, read-only session already set up, in the driver's default auto-commit mode. */
    Connection open(DataSourceTarget target) throws SQLException {
        Driver driver = driver(target);
        Properties properties = properties(target);
        Connection connection = driver.connect(target.jdbcUrl(), properties);
        if (connection == null) {
            throw new SQLNonTransientConnectionException("The driver does not accept this connection URL", "08001");
        }
        try {
            VendorRules.of(target.type()).setUpSession(connection, config);
            return connection;
        } catch (SQLException | RuntimeException e) {
            try {
                connection.close();
            } catch (SQLException closing) {
                e.addSuppressed(closing);
            }
            throw e;
        }
    }

    /** Refuses a URL of another driver or with forbidden options, and a driver missing from this installation. */
    void check(DataSourceTarget target) {
        driver(target);
    }

    /** A data source for Hikari that opens connections exactly as {@link #open} does. */
    DataSource dataSource(DataSourceTarget target) {
        return new TargetDataSource(target);
    }

    Properties properties(DataSourceTarget target) {
        VendorRules rules = VendorRules.of(target.type());
        Properties properties = new Properties();
        target.driverProperties().forEach(properties::setProperty);
        rules.removeOwned(properties);
        properties.remove("user");
        properties.remove("password");
        if (target.username() != null) {
            properties.setProperty("user", target.username());
        }
        if (target.password() != null) {
            properties.setProperty("password", target.password());
        }
        rules.enforce(properties, config);
        if (target.pinnedAddress() != null) {
            rules.pin(properties, target.pinnedAddress());
        }
        return properties;
    }

    private Driver driver(DataSourceTarget target) {
        DatabaseType type = target.type();
        if (!type.acceptsUrl(target.jdbcUrl())) {
            throw new QueryFailedException(
                    Category.CONNECTION, "The connection URL does not match the database type " + type);
        }
        String url = URLDecoder.decode(target.jdbcUrl().replace("+", "%2B"), StandardCharsets.UTF_8);
        Matcher option = URL_OPTION.matcher(url);
        while (option.find()) {
            if (FORBIDDEN_URL_OPTIONS.contains(option.group(1).strip().toLowerCase(Locale.ROOT))) {
                throw new QueryFailedException(
                        Category.CONNECTION, "The connection URL sets an option DataMind does not allow");
            }
        }
        return drivers.computeIfAbsent(type, DriverConnector::load);
    }

    private static Set<String> forbiddenUrlOptions() {
        Set<String> options = new HashSet<>(Set.of(
                "socketfactoryarg",
                "sslfactoryarg",
                "loggerlevel",
                "allowloadlocalinfile",
                "allowurlinlocalinfile",
                "autodeserialize",
                "queryinterceptors",
                "init",
                "user",
                "password"));
        for (DatabaseType type : DatabaseType.values()) {
            options.addAll(VendorRules.of(type).ownedProperties());
        }
        // Timeouts in the URL are harmless: the runner's cancel and server-side limits do not depend on them.
        options.removeAll(Set.of("connecttimeout", "logintimeout", "sockettimeout", "busy_timeout"));
        return Set.copyOf(options);
    }

    private static Driver load(DatabaseType type) {
        try {
            return (Driver) Class.forName(type.driverClassName())
                    .getDeclaredConstructor()
                    .newInstance();
        } catch (ReflectiveOperationException | LinkageError e) {
            throw new QueryFailedException(
                    Category.CONNECTION, "The driver for " + type + " is not available in this installation", e);
        }
    }

    private final class TargetDataSource implements DataSource {

        private final DataSourceTarget target;
        private int loginTimeout;

        TargetDataSource(DataSourceTarget target) {
            this.target = target;
        }

        @Override
        public Connection getConnection() throws SQLException {
            return open(target);
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return open(target);
        }

        @Override
        public PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(PrintWriter out) {
            // Drivers log through SLF4J or java.util.logging bridges, not a writer.
        }

        @Override
        public void setLoginTimeout(int seconds) {
            // The connect timeout is set per driver in the connection properties.
            this.loginTimeout = seconds;
        }

        @Override
        public int getLoginTimeout() {
            return loginTimeout;
        }

        @Override
        public Logger getParentLogger() throws SQLFeatureNotSupportedException {
            throw new SQLFeatureNotSupportedException();
        }

        @Override
        public <T> T unwrap(Class<T> type) throws SQLException {
            if (type.isInstance(this)) {
                return type.cast(this);
            }
            throw new SQLException("Not a wrapper of " + type.getName());
        }

        @Override
        public boolean isWrapperFor(Class<?> type) {
            return type.isInstance(this);
        }
    }
}
