package io.datamind.query;

import io.datamind.query.QueryFailedException.Category;
import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLInvalidAuthorizationSpecException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * Turns driver exceptions into {@link QueryFailedException}s whose messages are safe to show. Query errors keep the
 * database's own words (the analyst and the SQL-repairing LLM need them) minus URLs and secrets; connection errors
 * say one fixed sentence for every network failure, so a connection test cannot be used to scan ports.
 */
final class QueryErrors {

    static final String NETWORK_FAILURE = "Could not connect to the database server";
    static final String AUTH_FAILURE = "The database server refused the user name or password";
    static final String CONNECTION_LOST = "The connection to the database server was lost";

    private static final int MAX_MESSAGE = 2000;
    private static final Pattern JDBC_URL = Pattern.compile("(?i)jdbc:[^\\s'\"]+");
    private static final Pattern PASSWORD_SETTING = Pattern.compile("(?i)(password|pwd)\\s*[=:]\\s*\\S+");
    private static final Pattern MARIADB_PREFIX = Pattern.compile("^\\(conn=\\d+\\)\\s*");
    private static final Pattern SQLITE_WRAPPER =
            Pattern.compile("^\\[SQLITE_\\w+][^(]*\\((.*)\\)\\s*$", Pattern.DOTALL);
    // MariaDB/MySQL error codes.
    private static final Set<Integer> MYSQL_TIMEOUTS = Set.of(1969, 3024);
    private static final Set<Integer> MYSQL_PERMISSION = Set.of(1044, 1142, 1143, 1227, 1370, 1792, 1290);
    private static final Set<Integer> MYSQL_AUTH = Set.of(1045, 1698);
    private static final Set<Integer> MYSQL_UNKNOWN_DATABASE = Set.of(1049);

    private QueryErrors() {}

    /**
     * A failure while a query ran.
     *
     * @param sqlOffset characters the runner put before the caller's SQL (PostgreSQL's DECLARE), to correct positions
     */
    static QueryFailedException duringQuery(
            SQLException e, DataSourceTarget target, RunningQuery query, int sqlOffset) {
        if (query.cancelled()) {
            return withCause(query.cancelledFailure(), e);
        }
        boolean mysql = isMysql(target);
        if (query.timedOut() || isTimeout(e, mysql)) {
            return withCause(query.timeoutFailure(), e);
        }
        if (isCancel(e, mysql)) {
            // Cancelled from outside DataMind (an administrator's pg_cancel_backend, say).
            return new QueryFailedException(Category.CANCELLED, "The query was cancelled by the database server", e);
        }
        if (isNetwork(e)) {
            return new QueryFailedException(Category.CONNECTION, CONNECTION_LOST, e);
        }
        String message = sanitize(databaseMessage(e, sqlOffset), target);
        return new QueryFailedException(category(e, mysql), message, e);
    }

    /** A failure to open a connection or to borrow one from the pool. */
    static QueryFailedException connecting(SQLException e, DataSourceTarget target) {
        return new QueryFailedException(Category.CONNECTION, connectMessage(e, target), e);
    }

    /** The sentence a connection test shows for this failure. */
    static String connectMessage(SQLException e, DataSourceTarget target) {
        boolean mysql = isMysql(target);
        if (isAuthFailure(e, mysql)) {
            return AUTH_FAILURE;
        }
        if (isUnknownDatabase(e, mysql)) {
            return "The database server refused the connection: " + sanitize(databaseMessage(e, 0), target);
        }
        // Everything else reads the same, whatever the port did: refused, reset, silent, or not a database at all.
        return NETWORK_FAILURE;
    }

    private static boolean isAuthFailure(SQLException e, boolean mysql) {
        return e instanceof SQLInvalidAuthorizationSpecException
                || state(e).startsWith("28")
                || mysql && MYSQL_AUTH.contains(e.getErrorCode());
    }

    private static boolean isUnknownDatabase(SQLException e, boolean mysql) {
        return "3D000".equals(state(e)) || mysql && MYSQL_UNKNOWN_DATABASE.contains(e.getErrorCode());
    }

    private static boolean isTimeout(SQLException e, boolean mysql) {
        if (mysql) {
            // The MariaDB driver reports any interrupted query as a SQLTimeoutException; only these codes are limits.
            return MYSQL_TIMEOUTS.contains(e.getErrorCode());
        }
        if (e instanceof SQLTimeoutException) {
            return true;
        }
        if ("57014".equals(state(e))) {
            String message = lower(e.getMessage());
            return message.contains("statement timeout");
        }
        return false;
    }

    private static boolean isCancel(SQLException e, boolean mysql) {
        return "57014".equals(state(e)) || mysql && e.getErrorCode() == 1317;
    }

    static boolean isNetwork(SQLException e) {
        if (e instanceof SQLTransientConnectionException || state(e).startsWith("08")) {
            return true;
        }
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof IOException) {
                return true;
            }
        }
        return false;
    }

    private static Category category(SQLException e, boolean mysql) {
        String state = state(e);
        String message = lower(e.getMessage());
        int code = e.getErrorCode();
        if (state.equals("42501")
                || state.equals("25006")
                || mysql && MYSQL_PERMISSION.contains(code)
                || message.contains("read-only")
                || message.contains("readonly")
                || message.contains("read only")
                || message.startsWith("permission error")
                || message.contains("not authorized")) {
            return Category.PERMISSION;
        }
        if (state.equals("42601")
                || mysql && code == 1064
                || message.contains("syntax error")
                || message.startsWith("parser error")) {
            return Category.SYNTAX;
        }
        return Category.SEMANTIC;
    }

    private static String databaseMessage(SQLException e, int sqlOffset) {
        if (e instanceof PSQLException psql && psql.getServerErrorMessage() != null) {
            return postgresMessage(psql.getServerErrorMessage(), sqlOffset);
        }
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        message = MARIADB_PREFIX.matcher(message).replaceFirst("");
        Matcher sqlite = SQLITE_WRAPPER.matcher(message);
        if (sqlite.matches()) {
            message = sqlite.group(1);
        }
        return message.strip();
    }

    private static String postgresMessage(ServerErrorMessage server, int sqlOffset) {
        StringBuilder text = new StringBuilder(server.getMessage() == null ? "Query failed" : server.getMessage());
        if (server.getPosition() > sqlOffset) {
            text.append(" (at character ")
                    .append(server.getPosition() - sqlOffset)
                    .append(')');
        }
        if (server.getDetail() != null) {
            text.append(". Detail: ").append(server.getDetail());
        }
        if (server.getHint() != null) {
            text.append(". Hint: ").append(server.getHint());
        }
        return text.toString();
    }

    static String sanitize(String message, DataSourceTarget target) {
        String clean = JDBC_URL.matcher(message).replaceAll("[connection URL]");
        clean = PASSWORD_SETTING.matcher(clean).replaceAll("$1=***");
        String password = target == null ? null : target.password();
        if (password != null && password.length() >= 3) {
            clean = clean.replace(password, "***");
        }
        return clean.length() > MAX_MESSAGE ? clean.substring(0, MAX_MESSAGE) + "..." : clean;
    }

    private static QueryFailedException withCause(QueryFailedException failure, Throwable cause) {
        failure.initCause(cause);
        return failure;
    }

    private static boolean isMysql(DataSourceTarget target) {
        return target.type() == DatabaseType.MYSQL || target.type() == DatabaseType.MARIADB;
    }

    private static String state(SQLException e) {
        return e.getSQLState() == null ? "" : e.getSQLState();
    }

    private static String lower(String text) {
        return text == null ? "" : text.toLowerCase(Locale.ROOT);
    }
}
