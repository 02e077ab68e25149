package io.datamind.datasource;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The extra driver properties a user may set, per type. Only names on the list pass, spelled exactly: a name that
 * differs in letter case, encoding, spacing or by a look-alike character is refused, because drivers disagree on how
 * they match names (Connector/J ignores case) and every past driver RCE came in through a property nobody meant to
 * expose (socketFactory, sslfactory, loggerFile, autoDeserialize, allowLoadLocalInfile, INIT, ...). Values are
 * checked too, and they are passed as {@link java.util.Properties}, never spliced into the URL. File paths (trust
 * stores, certificates, key files) are not offered: a later design can let admins upload them to a managed folder.
 */
final class DriverProperties {

    static final String FIELD = "properties";
    static final int MAX_COUNT = 20;
    private static final int MAX_VALUE = 256;
    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,63}");
    private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9_.-]([A-Za-z0-9 _.-]{0,62}[A-Za-z0-9_.-])?");
    private static final Pattern ZONE = Pattern.compile("[A-Za-z0-9_+:/-]{1,64}");
    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,9}");

    /** A property's allowed values, with a description for the error message. */
    record Rule(String expects, Predicate<String> test) {}

    private static final Map<ConnectionType, Map<String, Rule>> ALLOWED = new EnumMap<>(ConnectionType.class);

    /** Names (lower case) that are set through typed fields, with the field to use instead. */
    private static final Map<String, String> TYPED_FIELDS = Map.ofEntries(
            Map.entry("user", "username"),
            Map.entry("username", "username"),
            Map.entry("password", "password"),
            Map.entry("sslmode", "sslMode"),
            Map.entry("ssl_mode", "sslMode"),
            Map.entry("ssl", "sslMode"),
            Map.entry("usessl", "sslMode"),
            Map.entry("encrypt", "sslMode"),
            Map.entry("trustservercertificate", "sslMode"),
            Map.entry("hostnameincertificate", "sslMode"),
            Map.entry("sslverification", "sslMode"),
            Map.entry("host", "host"),
            Map.entry("servername", "host"),
            Map.entry("pghost", "host"),
            Map.entry("port", "port"),
            Map.entry("portnumber", "port"),
            Map.entry("pgport", "port"),
            Map.entry("database", "database"),
            Map.entry("databasename", "database"),
            Map.entry("dbname", "database"),
            Map.entry("pgdbname", "database"),
            Map.entry("catalog", "database"),
            Map.entry("schema", "database"));

    static {
        ALLOWED.put(
                ConnectionType.POSTGRESQL,
                rules(
                        "connectTimeout", seconds(300),
                        "socketTimeout", seconds(3600),
                        "loginTimeout", seconds(300),
                        "tcpKeepAlive", bool(),
                        "ApplicationName", label(),
                        "currentSchema", identifier(),
                        "prepareThreshold", number(0, 1000)));
        ALLOWED.put(
                ConnectionType.MYSQL,
                rules(
                        "connectTimeout", millis(300_000),
                        "socketTimeout", millis(3_600_000),
                        "tcpKeepAlive", bool(),
                        "useCompression", bool(),
                        "connectionTimeZone", zone()));
        ALLOWED.put(
                ConnectionType.MARIADB,
                rules(
                        "connectTimeout", millis(300_000),
                        "socketTimeout", millis(3_600_000),
                        "tcpKeepAlive", bool(),
                        "useCompression", bool(),
                        "connectionTimeZone", zone()));
        ALLOWED.put(ConnectionType.SQLITE, Map.of());
        ALLOWED.put(ConnectionType.DUCKDB, Map.of());
        ALLOWED.put(
                ConnectionType.CLICKHOUSE,
                // jdbc-v2's names (client-v2 ClientConfigProperties): connection_timeout, not connect_timeout.
                rules(
                        "connection_timeout", millis(300_000),
                        "socket_timeout", millis(3_600_000),
                        "compress", bool()));
        ALLOWED.put(ConnectionType.TRINO, rules("source", label(), "timezone", zone(), "disableCompression", bool()));
        ALLOWED.put(
                ConnectionType.SQLSERVER,
                rules(
                        "loginTimeout", seconds(300),
                        "socketTimeout", millis(3_600_000),
                        "applicationName", label(),
                        "applicationIntent", oneOf("ReadOnly", "ReadWrite"),
                        "multiSubnetFailover", bool()));
    }

    /**
     * Names an earlier allowlist offered under a name the driver does not read, with the name it does: ClickHouse's
     * {@code connect_timeout} (ignored by clickhouse-jdbc 0.10) is {@code connection_timeout}.
     */
    private static final Map<ConnectionType, Map<String, String>> RENAMED =
            Map.of(ConnectionType.CLICKHOUSE, Map.of("connect_timeout", "connection_timeout"));

    private DriverProperties() {}

    /**
     * Stored properties with old names replaced by the driver's (a value under the new name wins), so a connection
     * saved before the rename keeps working, its timeout now applied, and is saved under the new name on its next
     * edit.
     */
    static Map<String, String> renamed(ConnectionType type, Map<String, String> stored) {
        Map<String, String> renames = RENAMED.getOrDefault(type, Map.of());
        if (stored == null || renames.keySet().stream().noneMatch(stored::containsKey)) {
            return stored;
        }
        Map<String, String> result = new LinkedHashMap<>(stored);
        renames.forEach((old, current) -> {
            String value = result.remove(old);
            if (value != null) {
                result.putIfAbsent(current, value);
            }
        });
        return result;
    }

    /** The names allowed for a type, for error messages and the UI. */
    static Set<String> allowedNames(ConnectionType type) {
        return ALLOWED.get(type).keySet();
    }

    /** Checks every property; returns the accepted ones (only meaningful when no error was added). */
    static Map<String, String> check(ConnectionType type, Map<String, String> properties, FieldErrors errors) {
        Map<String, String> accepted = new TreeMap<>();
        if (properties == null || properties.isEmpty()) {
            return accepted;
        }
        Map<String, Rule> allowed = ALLOWED.get(type);
        if (allowed.isEmpty()) {
            errors.add(FIELD, type.id() + " sources take no driver properties");
            return accepted;
        }
        if (properties.size() > MAX_COUNT) {
            errors.add(FIELD, "at most " + MAX_COUNT + " properties are allowed");
            return accepted;
        }
        for (Map.Entry<String, String> entry : properties.entrySet()) {
            String key = entry.getKey();
            String problem = problem(type, allowed, key, entry.getValue());
            if (problem != null) {
                errors.add(FIELD, problem);
            } else {
                accepted.put(key, entry.getValue());
            }
        }
        return accepted;
    }

    private static String problem(ConnectionType type, Map<String, Rule> allowed, String key, String value) {
        if (key == null || !NAME.matcher(key).matches()) {
            return "property names may contain only ASCII letters, digits and underscores; allowed for " + type.id()
                    + ": " + String.join(", ", allowed.keySet());
        }
        Rule rule = allowed.get(key);
        if (rule == null) {
            String lower = key.toLowerCase(Locale.ROOT);
            String field = TYPED_FIELDS.get(lower);
            if (field != null) {
                return "'" + key + "' is set with the " + field + " field, not as a property";
            }
            for (String name : allowed.keySet()) {
                if (name.toLowerCase(Locale.ROOT).equals(lower)) {
                    return "'" + key + "' is not allowed; property names are case-sensitive (did you mean '" + name
                            + "'?)";
                }
            }
            return "'" + key + "' is not an allowed property for " + type.id() + "; allowed: "
                    + String.join(", ", allowed.keySet());
        }
        if (value == null || value.isEmpty()) {
            return "'" + key + "' needs a value";
        }
        if (value.length() > MAX_VALUE
                || FieldRules.hasControlOrFormat(value)
                || !rule.test().test(value)) {
            return "'" + key + "' must be " + rule.expects();
        }
        return null;
    }

    private static Map<String, Rule> rules(Object... pairs) {
        Map<String, Rule> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], (Rule) pairs[i + 1]);
        }
        return map;
    }

    private static Rule number(int min, int max) {
        return new Rule("a whole number from " + min + " to " + max, value -> {
            if (!DIGITS.matcher(value).matches()) {
                return false;
            }
            int parsed = Integer.parseInt(value);
            return parsed >= min && parsed <= max;
        });
    }

    private static Rule seconds(int max) {
        Rule number = number(0, max);
        return new Rule(number.expects() + " (seconds)", number.test());
    }

    private static Rule millis(int max) {
        Rule number = number(0, max);
        return new Rule(number.expects() + " (milliseconds)", number.test());
    }

    private static Rule bool() {
        return oneOf("true", "false");
    }

    private static Rule oneOf(String... values) {
        Set<String> set = Set.of(values);
        return new Rule("one of " + String.join(", ", values), set::contains);
    }

    private static Rule label() {
        return new Rule(
                "1 to 64 ASCII letters, digits, spaces, '.', '_' or '-'",
                value -> LABEL.matcher(value).matches());
    }

    private static Rule identifier() {
        return new Rule("a name of ASCII letters, digits, '_', '.', '$' or '-'", FieldRules::identifier);
    }

    private static Rule zone() {
        return new Rule(
                "a time zone such as UTC, Europe/Paris or +02:00",
                value -> ZONE.matcher(value).matches());
    }
}
