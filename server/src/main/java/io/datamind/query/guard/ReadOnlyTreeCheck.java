package io.datamind.query.guard;

import java.lang.reflect.Field;
import java.lang.reflect.InaccessibleObjectException;
import java.lang.reflect.Modifier;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import net.sf.jsqlparser.expression.*;
import net.sf.jsqlparser.expression.operators.arithmetic.*;
import net.sf.jsqlparser.expression.operators.conditional.AndExpression;
import net.sf.jsqlparser.expression.operators.conditional.OrExpression;
import net.sf.jsqlparser.expression.operators.conditional.XorExpression;
import net.sf.jsqlparser.expression.operators.relational.*;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.create.table.ColDataType;
import net.sf.jsqlparser.statement.select.*;

/**
 * Walks every field of every node of a parsed query and allows only what a read-only query is made of.
 *
 * <p>The walk is reflective on purpose: JSqlParser's visitor adapters skip children they were not written for, and
 * a new parser version adds node types silently. Here every node class, and every enum a node holds, must be on the
 * {@link #ALLOWED} list, so anything unknown is refused rather than overlooked. On top of that the walk checks the
 * meaning of the allowed nodes: tables against {@link KnownTables} (CTE names in scope excepted), functions against
 * {@link FunctionPolicy}, and the few fields of an allowed node that make it write or lock ({@link #FORBIDDEN_FIELDS}).
 */
final class ReadOnlyTreeCheck {

    /** A refusal with its reason in plain words; thrown to stop the walk at the first problem. */
    static final class Refusal extends RuntimeException {
        Refusal(String reason) {
            super(reason, null, false, false);
        }
    }

    /**
     * Deepest nesting of nodes walked; beyond it the query is refused. Each level costs a few stack frames here and in
     * JSqlParser's deparser, and the caller's thread may have a small stack; real queries stay far below.
     */
    static final int MAX_DEPTH = 500;

    private static final String LOCKING =
            "Locking clauses (FOR UPDATE, FOR SHARE, NOWAIT, SKIP LOCKED) are not allowed";
    private static final String SELECT_INTO = "SELECT INTO is not allowed: it creates a table";

    /** Fields of otherwise allowed nodes that must stay unset, with the reason to give when they are set. */
    static final Map<String, String> FORBIDDEN_FIELDS = Map.ofEntries(
            Map.entry("forMode", LOCKING),
            Map.entry("forUpdateTable", LOCKING),
            Map.entry("wait", LOCKING),
            Map.entry("noWait", LOCKING),
            Map.entry("skipLocked", LOCKING),
            Map.entry("intoTables", SELECT_INTO),
            Map.entry("intoTempTable", SELECT_INTO),
            Map.entry("useWithNoLog", SELECT_INTO),
            Map.entry("isolation", "Isolation clauses (WITH UR, WITH CS...) are not allowed"),
            Map.entry("isEscaped", "JDBC escape syntax ({fn ...}) is not allowed"),
            Map.entry("oracleHint", "Optimizer hints are not allowed"),
            Map.entry("emitChanges", "Streaming queries (EMIT CHANGES) are not allowed"),
            Map.entry("ksqlWindow", "Streaming queries (WINDOW) are not allowed"),
            Map.entry("lateralViews", "LATERAL VIEW is not allowed"),
            Map.entry("forClause", "FOR XML and FOR JSON clauses are not allowed"),
            Map.entry("forXmlPath", "FOR XML clauses are not allowed"));

    /** The node classes (and enums) a read-only query may contain. */
    static final Set<Class<?>> ALLOWED = Set.of(
            // Query forms
            PlainSelect.class,
            SetOperationList.class,
            SetOperationList.SetOperationType.class,
            UnionOp.class,
            IntersectOp.class,
            ExceptOp.class,
            MinusOp.class,
            ParenthesedSelect.class,
            Values.class,
            LateralSubSelect.class,
            WithItem.class,
            // Clauses
            SelectItem.class,
            AllColumns.class,
            AllTableColumns.class,
            FunctionAllColumns.class,
            Distinct.class,
            Join.class,
            ParenthesedFromItem.class,
            TableFunction.class,
            Table.class,
            Column.class,
            Alias.class,
            Alias.AliasColumn.class,
            GroupByElement.class,
            OrderByElement.class,
            OrderByElement.NullOrdering.class,
            Limit.class,
            Offset.class,
            Fetch.class,
            Top.class,
            Pivot.class,
            UnPivot.class,
            SampleClause.class,
            SampleClause.SampleKeyword.class,
            SampleClause.SampleMethod.class,
            MySQLIndexHint.class,
            SQLServerHints.class,
            MySqlSqlCacheFlags.class,
            PlainSelect.BigQuerySelectQualifier.class,
            WindowDefinition.class,
            WindowElement.class,
            WindowElement.Type.class,
            WindowOffset.class,
            WindowOffset.Type.class,
            WindowRange.class,
            PartitionByClause.class,
            OrderByClause.class,
            // Values
            StringValue.class,
            LongValue.class,
            DoubleValue.class,
            HexValue.class,
            NullValue.class,
            BooleanValue.class,
            DateValue.class,
            TimeValue.class,
            TimestampValue.class,
            DateTimeLiteralExpression.class,
            DateTimeLiteralExpression.DateTime.class,
            TimeKeyExpression.class,
            IntervalExpression.class,
            JdbcParameter.class,
            JdbcNamedParameter.class,
            NumericBind.class,
            AllValue.class,
            // Expressions
            Function.class,
            Function.HavingClause.class,
            Function.NullHandling.class,
            AnalyticExpression.class,
            AnalyticType.class,
            FilterOverImpl.class,
            KeepExpression.class,
            OracleNamedFunctionParameter.class,
            CaseExpression.class,
            WhenClause.class,
            CastExpression.class,
            ColDataType.class,
            CollateExpression.class,
            ExtractExpression.class,
            TrimFunction.class,
            TrimFunction.TrimSpecification.class,
            MySQLGroupConcat.class,
            TranscodingFunction.class,
            TimezoneExpression.class,
            SignedExpression.class,
            NotExpression.class,
            ArrayConstructor.class,
            ArrayExpression.class,
            RowConstructor.class,
            RowGetExpression.class,
            StructType.class,
            StructType.Dialect.class,
            LambdaExpression.class,
            JsonExpression.class,
            JsonFunction.class,
            JsonFunctionExpression.class,
            JsonFunctionType.class,
            JsonKeyValuePair.class,
            JsonAggregateFunction.class,
            JsonAggregateOnNullType.class,
            JsonAggregateUniqueKeysType.class,
            AnyComparisonExpression.class,
            AnyType.class,
            OverlapsCondition.class,
            RangeExpression.class,
            XMLSerializeExpr.class,
            // Operators
            Addition.class,
            Subtraction.class,
            Multiplication.class,
            Division.class,
            IntegerDivision.class,
            Modulo.class,
            Concat.class,
            BitwiseAnd.class,
            BitwiseOr.class,
            BitwiseXor.class,
            BitwiseLeftShift.class,
            BitwiseRightShift.class,
            AndExpression.class,
            OrExpression.class,
            XorExpression.class,
            EqualsTo.class,
            NotEqualsTo.class,
            GreaterThan.class,
            GreaterThanEquals.class,
            MinorThan.class,
            MinorThanEquals.class,
            Between.class,
            InExpression.class,
            ExistsExpression.class,
            IsNullExpression.class,
            IsBooleanExpression.class,
            IsUnknownExpression.class,
            IsDistinctExpression.class,
            LikeExpression.class,
            LikeExpression.KeyWord.class,
            SimilarToExpression.class,
            RegExpMatchOperator.class,
            RegExpMatchOperatorType.class,
            Matches.class,
            FullTextSearch.class,
            MemberOfExpression.class,
            JsonOperator.class,
            Contains.class,
            ContainedBy.class,
            DoubleAnd.class,
            GeometryDistance.class,
            CosineSimilarity.class,
            ExpressionList.class,
            ParenthesedExpressionList.class,
            NamedExpressionList.class);

    /** Allowed classes that JSqlParser does not make public or has deprecated, so they are named here. */
    private static final Set<String> ALLOWED_BY_NAME = Set.of(
            "net.sf.jsqlparser.expression.Function$HavingClause$HavingType",
            "net.sf.jsqlparser.expression.Parenthesis");

    static boolean isAllowed(Class<?> type) {
        return ALLOWED.contains(type) || ALLOWED_BY_NAME.contains(type.getName());
    }

    private static final Set<String> DATA_CHANGING_PACKAGES = Set.of(
            "insert",
            "update",
            "delete",
            "merge",
            "upsert",
            "truncate",
            "create",
            "alter",
            "drop",
            "grant",
            "refresh",
            "comment",
            "purge");

    /**
     * Words that start a statement somewhere. SQL Server runs a batch of statements without semicolons, so
     * {@code SELECT * FROM t shutdown} is a query and then SHUTDOWN, while JSqlParser reads "shutdown" as an alias.
     */
    static final Set<String> STATEMENT_KEYWORDS = Set.of(
            "abort",
            "alter",
            "analyze",
            "attach",
            "backup",
            "begin",
            "binlog",
            "break",
            "bulk",
            "cache",
            "call",
            "checkpoint",
            "close",
            "cluster",
            "comment",
            "commit",
            "continue",
            "copy",
            "create",
            "dbcc",
            "deallocate",
            "declare",
            "delete",
            "deny",
            "describe",
            "detach",
            "disable",
            "discard",
            "do",
            "drop",
            "dump",
            "enable",
            "end",
            "exec",
            "execute",
            "explain",
            "export",
            "fetch",
            "flush",
            "get",
            "go",
            "goto",
            "grant",
            "handler",
            "help",
            "if",
            "import",
            "insert",
            "install",
            "kill",
            "listen",
            "load",
            "lock",
            "merge",
            "move",
            "notify",
            "open",
            "optimize",
            "pragma",
            "prepare",
            "print",
            "purge",
            "raiserror",
            "readtext",
            "receive",
            "reconfigure",
            "refresh",
            "reindex",
            "release",
            "rename",
            "repair",
            "replace",
            "reset",
            "resignal",
            "restore",
            "return",
            "revert",
            "revoke",
            "rollback",
            "save",
            "savepoint",
            "security",
            "select",
            "send",
            "set",
            "setuser",
            "show",
            "shutdown",
            "signal",
            "start",
            "stop",
            "summarize",
            "system",
            "throw",
            "truncate",
            "unlisten",
            "unlock",
            "update",
            "updatetext",
            "upsert",
            "use",
            "vacuum",
            "waitfor",
            "while",
            "with",
            "writetext",
            "xa");

    private static final ClassValue<List<Field>> FIELDS = new ClassValue<>() {
        @Override
        protected List<Field> computeValue(Class<?> type) {
            List<Field> fields = new ArrayList<>();
            for (Class<?> c = type; c != null && isParserClass(c); c = c.getSuperclass()) {
                for (Field field : c.getDeclaredFields()) {
                    // The parser's own syntax tree (tokens and positions) hangs off every node; it is not the query.
                    if (Modifier.isStatic(field.getModifiers())
                            || field.isSynthetic()
                            || field.getType().getName().startsWith("net.sf.jsqlparser.parser.")) {
                        continue;
                    }
                    field.setAccessible(true);
                    fields.add(field);
                }
            }
            return List.copyOf(fields);
        }
    };

    private final SqlDialect dialect;
    private final KnownTables knownTables;
    private final Set<TableRef> tables = new LinkedHashSet<>();
    private final Deque<Set<String>> cteScopes = new ArrayDeque<>();
    private final Set<Object> path = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Set<Object> cteNames = Collections.newSetFromMap(new IdentityHashMap<>());
    private int depth;

    private ReadOnlyTreeCheck(SqlDialect dialect, KnownTables knownTables) {
        this.dialect = dialect;
        this.knownTables = knownTables;
    }

    /** The tables the statement reads, or a {@link Refusal} if it is not a read-only query over known tables. */
    static Set<TableRef> check(Statement statement, SqlDialect dialect, KnownTables knownTables) {
        if (!(statement instanceof PlainSelect
                || statement instanceof SetOperationList
                || statement instanceof ParenthesedSelect
                || statement instanceof Values)) {
            throw statementRefusal(statement);
        }
        ReadOnlyTreeCheck check = new ReadOnlyTreeCheck(dialect, knownTables);
        check.visit(statement);
        return check.tables;
    }

    private void visit(Object node) {
        if (node == null
                || node instanceof String
                || node instanceof Number
                || node instanceof Boolean
                || node instanceof Character) {
            return;
        }
        Class<?> type = node.getClass();
        if (node instanceof Enum<?> constant) {
            Class<?> enumType = constant.getDeclaringClass();
            if (!isAllowed(enumType)) {
                throw unsupported(enumType);
            }
            return;
        }
        if (!isParserClass(type)) {
            visitPlainJava(node);
            return;
        }
        if (!path.add(node)) {
            return; // a reference back up the tree, already being walked
        }
        if (++depth > MAX_DEPTH) {
            throw new Refusal(SqlGuard.TOO_DEEP);
        }
        try {
            inspect(node);
        } finally {
            depth--;
            path.remove(node);
        }
    }

    private void visitPlainJava(Object node) {
        if (node instanceof Collection<?> collection) {
            collection.forEach(this::visit);
        } else if (node instanceof Map<?, ?> map) {
            map.forEach((k, v) -> {
                visit(k);
                visit(v);
            });
        } else if (node instanceof Map.Entry<?, ?> entry) {
            visit(entry.getKey());
            visit(entry.getValue());
        } else if (node instanceof Object[] array) {
            for (Object element : array) {
                visit(element);
            }
        } else if (!node.getClass().isArray()) {
            throw new Refusal("The query contains something the guard does not recognise ("
                    + node.getClass().getSimpleName() + ")");
        }
    }

    private void inspect(Object node) {
        Class<?> type = node.getClass();
        if (!isAllowed(type)) {
            refuseKnownDangers(node);
            throw unsupported(type);
        }
        refuseForbiddenFields(node);
        if (node instanceof Table table) {
            checkTable(table);
            walkFields(node, "partItems", "partDelimiters");
        } else if (node instanceof Column column) {
            checkSequencePseudoColumn(column);
            walkFields(node, "table"); // a column's qualifier names a FROM item, it does not read a table
        } else if (node instanceof Alias alias) {
            checkAlias(alias);
            walkFields(node);
        } else if (node instanceof AllTableColumns) {
            walkFields(node, "table");
        } else if (node instanceof TableFunction tableFunction) {
            checkTableFunction(tableFunction);
            walkFields(node);
        } else if (node instanceof Function function) {
            checkFunction(function.getMultipartName());
            walkFields(node);
        } else if (node instanceof AnalyticExpression analytic) {
            checkFunction(splitName(analytic.getName()));
            walkFields(node);
        } else if (node instanceof Select select
                && select.getWithItemsList() != null
                && !select.getWithItemsList().isEmpty()) {
            walkWithScope(select);
        } else {
            walkFields(node);
        }
        if (node instanceof Collection<?> elements) {
            elements.forEach(this::visit); // ExpressionList is a parser class and a list
        }
    }

    /**
     * A CTE name hides tables only where the database lets it: in the query after the WITH, in later CTEs, and inside
     * itself when RECURSIVE. Elsewhere the same name is a real table and must be known.
     */
    private void walkWithScope(Select select) {
        List<WithItem<?>> items = select.getWithItemsList();
        boolean recursive = items.stream().anyMatch(WithItem::isRecursive);
        Set<String> scope = new HashSet<>();
        cteScopes.push(scope);
        try {
            for (WithItem<?> item : items) {
                if (item.getAlias() != null) {
                    cteNames.add(item.getAlias()); // "name AS (...)": never read as a statement
                }
                String name =
                        item.getAlias() == null ? null : fold(item.getAlias().getName());
                if (recursive && name != null) {
                    scope.add(name);
                }
                visit(item);
                if (name != null) {
                    scope.add(name);
                }
            }
            walkFields(select, "withItemsList");
        } finally {
            cteScopes.pop();
        }
    }

    private void walkFields(Object node, String... skipped) {
        List<String> skip = List.of(skipped);
        for (Field field : FIELDS.get(node.getClass())) {
            if (!skip.contains(field.getName())) {
                visit(read(field, node));
            }
        }
    }

    private void refuseForbiddenFields(Object node) {
        for (Field field : FIELDS.get(node.getClass())) {
            String reason = FORBIDDEN_FIELDS.get(field.getName());
            if (reason != null && isSet(read(field, node))) {
                throw new Refusal(reason);
            }
        }
    }

    private static boolean isSet(Object value) {
        if (value == null || Boolean.FALSE.equals(value)) {
            return false;
        }
        if (value instanceof Collection<?> c) {
            return !c.isEmpty();
        }
        return !(value instanceof String s) || !s.isEmpty();
    }

    private static Object read(Field field, Object node) {
        try {
            return field.get(node);
        } catch (IllegalAccessException | InaccessibleObjectException e) {
            throw new IllegalStateException("Cannot read " + field, e);
        }
    }

    /** Nodes that are not allowed and deserve a specific reason rather than the generic one. */
    private static void refuseKnownDangers(Object node) {
        if (node instanceof Statement && !(node instanceof Select)) {
            throw statementRefusal(node);
        }
        if (isDataChanging(node.getClass())) {
            throw statementRefusal(node);
        }
        if (node instanceof VariableAssignment) {
            throw new Refusal("Assigning variables is not allowed");
        }
        if (node instanceof UserVariable) {
            throw new Refusal("Session and server variables (@name, @@name) are not allowed");
        }
        if (node instanceof NextValExpression) {
            throw new Refusal("NEXT VALUE FOR is not allowed: " + FunctionPolicy.SEQUENCE);
        }
        if (node instanceof OracleHint) {
            throw new Refusal("Optimizer hints are not allowed");
        }
        if (node instanceof TableStatement) {
            throw new Refusal("TABLE statements are not allowed; write SELECT * FROM instead");
        }
    }

    private void checkTable(Table table) {
        if (table.getNameParts() != null && table.getNameParts().size() > 3) {
            throw new Refusal("Table " + table.getFullyQualifiedName() + " is on another server, which is not allowed");
        }
        String name = Identifiers.unquote(table.getName());
        if (name == null || name.isBlank()) {
            throw new Refusal("The query names a table the guard cannot read");
        }
        if (name.contains("@")
                || (table.getFullyQualifiedName() != null
                        && table.getFullyQualifiedName().contains("@"))) {
            throw new Refusal(
                    "Table " + table.getFullyQualifiedName() + " is in another database, which is not allowed");
        }
        TableRef ref = new TableRef(
                Identifiers.unquote(table.getDatabaseName()), Identifiers.unquote(table.getSchemaName()), name);
        if (ref.catalog() == null && ref.schema() == null && isCteInScope(ref.name())) {
            return;
        }
        if (SystemRelations.isSystem(ref, dialect) || !knownTables.contains(ref)) {
            throw new Refusal("Table " + ref.displayName() + " is not part of this connection's schema");
        }
        tables.add(ref);
    }

    /** An alias without AS that a database could read as the start of its next statement. */
    private void checkAlias(Alias alias) {
        String name = alias.getName();
        if (name == null || alias.isUseAs() || cteNames.contains(alias) || !name.equals(Identifiers.unquote(name))) {
            return;
        }
        if (STATEMENT_KEYWORDS.contains(name.toLowerCase(Locale.ROOT))) {
            throw new Refusal(
                    "The alias " + name + " is also a statement keyword; write AS " + name + " or choose another name");
        }
    }

    /** {@code seq.nextval} advances a sequence in MariaDB's Oracle mode (and in Oracle). */
    private static void checkSequencePseudoColumn(Column column) {
        String name = fold(column.getColumnName());
        if (column.getTable() != null && ("nextval".equals(name) || "currval".equals(name))) {
            throw new Refusal("Sequence access " + column.getFullyQualifiedName() + " is not allowed: "
                    + FunctionPolicy.SEQUENCE);
        }
    }

    private boolean isCteInScope(String name) {
        String folded = fold(name);
        for (Set<String> scope : cteScopes) {
            if (scope.contains(folded)) {
                return true;
            }
        }
        return false;
    }

    private void checkTableFunction(TableFunction tableFunction) {
        Function function = tableFunction.getFunction();
        List<String> name = function == null ? List.of() : function.getMultipartName();
        checkFunction(name);
        if (!FunctionPolicy.isAllowedTableFunction(name, dialect)) {
            throw new Refusal("Table function " + FunctionPolicy.displayName(name) + " is not allowed in FROM");
        }
    }

    private void checkFunction(List<String> nameParts) {
        String reason = FunctionPolicy.denialReason(nameParts, dialect);
        if (reason != null) {
            throw new Refusal("Function " + FunctionPolicy.displayName(nameParts) + " is not allowed: " + reason);
        }
    }

    private static List<String> splitName(String name) {
        if (name == null) {
            return List.of();
        }
        try {
            return Identifiers.splitQualified(name);
        } catch (IllegalArgumentException e) {
            return List.of(name);
        }
    }

    static Refusal statementRefusal(Object statement) {
        String keyword = keyword(statement);
        if (isDataChanging(statement.getClass())) {
            return new Refusal("Data-changing statements are not allowed (found " + keyword + ")");
        }
        return new Refusal("Only read-only SELECT queries are allowed (found " + keyword + ")");
    }

    private static boolean isDataChanging(Class<?> type) {
        String name = type.getName();
        String prefix = "net.sf.jsqlparser.statement.";
        if (!name.startsWith(prefix)) {
            return false;
        }
        String rest = name.substring(prefix.length());
        int dot = rest.indexOf('.');
        return (dot > 0 && DATA_CHANGING_PACKAGES.contains(rest.substring(0, dot)))
                || type.getSimpleName().equals("RenameTableStatement");
    }

    /** The statement's leading keyword as written, e.g. INSERT, REPLACE, SET, CALL. */
    private static String keyword(Object statement) {
        String simple = statement.getClass().getSimpleName();
        for (String verb : List.of("Insert", "Update", "Delete", "Merge", "Truncate", "Drop", "Grant")) {
            if (simple.equals(verb) || simple.equals("Parenthesed" + verb)) {
                return verb.toUpperCase(Locale.ROOT);
            }
        }
        String text;
        try {
            text = statement.toString();
        } catch (RuntimeException e) {
            text = null;
        }
        if (text != null) {
            String first = text.replaceFirst("^[\\s(]+", "").split("[^A-Za-z_]", 2)[0];
            if (!first.isEmpty()) {
                return first.toUpperCase(Locale.ROOT);
            }
        }
        return simple;
    }

    private static Refusal unsupported(Class<?> type) {
        String words =
                type.getSimpleName().replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
        return new Refusal("The query uses a construct that is not allowed in a read-only query (" + words + ")");
    }

    static boolean isParserClass(Class<?> type) {
        return type.getName().startsWith("net.sf.jsqlparser.");
    }

    private static String fold(String name) {
        return name == null ? null : TableRef.fold(Identifiers.unquote(name));
    }
}
