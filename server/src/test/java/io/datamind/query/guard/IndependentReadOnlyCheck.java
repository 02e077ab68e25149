package io.datamind.query.guard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.Statements;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.select.WithItem;
import net.sf.jsqlparser.util.TablesNamesFinder;

/**
 * A second opinion on an accepted query that shares no code with the guard's tree walk: JSqlParser's own table
 * finder, and a scan of the words of the text that will run for statement keywords and well-known harmful functions.
 */
final class IndependentReadOnlyCheck {

    /** Words that never occur in a read-only query's code, only in statements and clauses that write or lock. */
    private static final Set<String> WRITE_WORDS = Set.of(
            "insert",
            "update",
            "delete",
            "merge",
            "upsert",
            "drop",
            "create",
            "alter",
            "truncate",
            "grant",
            "revoke",
            "exec",
            "execute",
            "call",
            "into",
            "copy",
            "lock",
            "set",
            "load",
            "attach",
            "detach",
            "pragma",
            "waitfor",
            "shutdown",
            "kill",
            "declare",
            "prepare",
            "vacuum",
            "analyze",
            "begin",
            "commit",
            "rollback",
            "savepoint",
            "outfile",
            "dumpfile",
            "install",
            "handler");

    /** Harmful functions seen in the injection corpora, listed here independently of FunctionPolicy. */
    private static final Set<String> HARMFUL_FUNCTIONS = Set.of(
            "sleep",
            "pg_sleep",
            "benchmark",
            "load_file",
            "xp_cmdshell",
            "utl_inaddr",
            "utl_http",
            "dbms_pipe",
            "pg_read_file",
            "pg_ls_dir",
            "lo_import",
            "lo_export",
            "dblink",
            "load_extension",
            "readfile",
            "writefile",
            "get_lock",
            "nextval",
            "setval",
            "set_config");

    private IndependentReadOnlyCheck() {}

    static void assertReadOnly(String sql, Set<String> knownTableNames) {
        Statements statements;
        try {
            statements = CCJSqlParserUtil.parseStatements(sql);
        } catch (JSQLParserException e) {
            throw new AssertionError("Accepted SQL does not parse on its own: " + sql, e);
        }
        assertThat(statements).as("statements in %s", sql).hasSize(1);
        Statement statement = statements.get(0);
        assertThat(statement).as(sql).isInstanceOf(Select.class);
        if (statement instanceof PlainSelect plain) {
            assertThat(plain.getIntoTables()).as("INTO in %s", sql).isNullOrEmpty();
        }
        assertThat(((Select) statement).getForMode()).as("locking in %s", sql).isNull();

        Set<String> allowed = new HashSet<>(knownTableNames);
        List<WithItem<?>> withItems = ((Select) statement).getWithItemsList();
        if (withItems != null) {
            withItems.forEach(item -> allowed.add(fold(item.getAliasName())));
        }
        for (String table : new TablesNamesFinder<>().getTables(statement)) {
            assertThat(allowed).as("table %s in %s", table, sql).contains(fold(table));
        }

        for (String word : words(sql)) {
            assertThat(WRITE_WORDS).as("word %s in %s", word, sql).doesNotContain(word);
            assertThat(HARMFUL_FUNCTIONS).as("word %s in %s", word, sql).doesNotContain(word);
        }
    }

    /** The lower-cased words outside string literals, with quoted names unquoted; fails on comments or ';'. */
    private static List<String> words(String sql) {
        List<String> words = new java.util.ArrayList<>();
        int i = 0;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (c == '\'') {
                i = sql.indexOf('\'', i + 1) + 1;
                while (i > 0 && i < sql.length() && sql.charAt(i) == '\'') {
                    i = sql.indexOf('\'', i + 1) + 1;
                }
                assertThat(i).as("closed string in %s", sql).isPositive();
            } else if (c == '"' || c == '`') {
                int end = sql.indexOf(c, i + 1);
                assertThat(end).as("closed name in %s", sql).isPositive();
                words.add(sql.substring(i + 1, end).toLowerCase(Locale.ROOT));
                i = end + 1;
            } else if (Character.isLetter(c) || c == '_') {
                int end = i;
                while (end < sql.length() && (Character.isLetterOrDigit(sql.charAt(end)) || sql.charAt(end) == '_')) {
                    end++;
                }
                words.add(sql.substring(i, end).toLowerCase(Locale.ROOT));
                i = end;
            } else {
                assertThat(c).as("code character in %s", sql).isNotIn(';', '#');
                if (c == '-' || c == '/') {
                    assertThat(sql.startsWith("--", i) || sql.startsWith("/*", i))
                            .as("comment in %s", sql)
                            .isFalse();
                }
                i++;
            }
        }
        return words;
    }

    private static String fold(String name) {
        String last = name.substring(name.lastIndexOf('.') + 1);
        return Identifiers.unquote(last).toLowerCase(Locale.ROOT);
    }
}
