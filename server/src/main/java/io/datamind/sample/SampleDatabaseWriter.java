package io.datamind.sample;

import io.datamind.sample.SalesData.Category;
import io.datamind.sample.SalesData.Customer;
import io.datamind.sample.SalesData.Order;
import io.datamind.sample.SalesData.OrderLine;
import io.datamind.sample.SalesData.Payment;
import io.datamind.sample.SalesData.Product;
import io.datamind.sample.SalesData.Return;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.duckdb.DuckDBDriver;

/** Writes the sample store into a new DuckDB file: schema with keys and comments, then rows through appenders. */
final class SampleDatabaseWriter {

    private static final String SCHEMA = "sample-sales-schema.sql";
    private static final int CANCEL_CHECK_ROWS = 10_000;

    private SampleDatabaseWriter() {}

    /** Opens a DuckDB file; read-only connections share the file with other readers. */
    static DuckDBConnection connect(Path file, boolean readOnly) throws SQLException {
        Properties properties = new Properties();
        if (readOnly) {
            properties.setProperty(DuckDBDriver.DUCKDB_READONLY_PROPERTY, "true");
        }
        // The driver directly rather than DriverManager, which may not see it from a nested jar's class loader.
        return (DuckDBConnection) new DuckDBDriver().connect("jdbc:duckdb:" + file.toAbsolutePath(), properties);
    }

    /**
     * Writes the rows into {@code file}, which must not exist yet, and returns the row count of each table. The
     * rows are asked for only once the schema exists, so they can be computed while DuckDB loads. Parents are
     * appended before children, since DuckDB checks each foreign key as rows arrive.
     */
    static Map<String, Integer> write(
            Path file, Supplier<SalesData> rows, Map<String, String> info, BooleanSupplier cancelled)
            throws SQLException {
        try (DuckDBConnection connection = connect(file, false)) {
            try (Statement statement = connection.createStatement()) {
                for (String sql : schemaStatements()) {
                    statement.execute(sql);
                }
            }
            SalesData data = rows.get();
            Tables tables = new Tables(connection, cancelled);
            tables.append(
                    "sample_info",
                    List.copyOf(info.entrySet()),
                    (a, row) -> a.append(row.getKey()).append(row.getValue()));
            tables.append("categories", data.categories(), SampleDatabaseWriter::category);
            tables.append("products", data.products(), SampleDatabaseWriter::product);
            tables.append("customers", data.customers(), SampleDatabaseWriter::customer);
            tables.append("orders", data.orders(), SampleDatabaseWriter::order);
            tables.append("order_lines", data.orderLines(), SampleDatabaseWriter::line);
            tables.append("payments", data.payments(), SampleDatabaseWriter::payment);
            tables.append("returns", data.returns(), SampleDatabaseWriter::returned);
            try (Statement statement = connection.createStatement()) {
                // Fold the write-ahead log into the file, so the single file is the whole database when moved.
                statement.execute("CHECKPOINT");
            }
            return tables.counts;
        }
    }

    static List<String> schemaStatements() {
        String script;
        try (InputStream in = SampleDatabaseWriter.class.getResourceAsStream(SCHEMA)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + SCHEMA);
            }
            script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String withoutComments = script.lines()
                .filter(line -> !line.strip().startsWith("--"))
                .collect(Collectors.joining("\n", "", "\n"));
        return Arrays.stream(withoutComments.split(";\\s*\n"))
                .map(String::strip)
                .filter(sql -> !sql.isEmpty())
                .toList();
    }

    @FunctionalInterface
    private interface RowWriter<T> {
        void write(DuckDBAppender appender, T row) throws SQLException;
    }

    /** Appends whole tables through DuckDB's appender and keeps count of the rows. */
    private static final class Tables {

        private final DuckDBConnection connection;
        private final BooleanSupplier cancelled;
        private final Map<String, Integer> counts = new LinkedHashMap<>();

        Tables(DuckDBConnection connection, BooleanSupplier cancelled) {
            this.connection = connection;
            this.cancelled = cancelled;
        }

        <T> void append(String table, List<T> rows, RowWriter<T> writer) throws SQLException {
            try (DuckDBAppender appender = connection.createAppender(table)) {
                for (int i = 0; i < rows.size(); i++) {
                    if (i % CANCEL_CHECK_ROWS == 0 && cancelled.getAsBoolean()) {
                        throw new CancellationException("Sample generation cancelled");
                    }
                    appender.beginRow();
                    writer.write(appender, rows.get(i));
                    appender.endRow();
                }
                // close() swallows constraint violations; flush() reports them.
                appender.flush();
            }
            counts.put(table, rows.size());
        }
    }

    private static void category(DuckDBAppender a, Category c) throws SQLException {
        a.append(c.id()).append(c.name()).append(c.description());
    }

    private static void product(DuckDBAppender a, Product p) throws SQLException {
        a.append(p.id())
                .append(p.categoryId())
                .append(p.sku())
                .append(p.name())
                .appendDecimal(p.priceCents())
                .appendDecimal(p.costCents());
    }

    private static void customer(DuckDBAppender a, Customer c) throws SQLException {
        a.append(c.id()).append(c.name()).append(c.email());
        if (c.company() == null) {
            a.appendNull();
        } else {
            a.append(c.company());
        }
        a.append(c.segment()).append(c.country()).append(c.city()).append(c.signupDate());
    }

    private static void order(DuckDBAppender a, Order o) throws SQLException {
        a.append(o.id())
                .append(o.customerId())
                .append(o.orderDate())
                .append(o.status())
                .append(o.channel())
                .append(o.shippingCountry());
    }

    private static void line(DuckDBAppender a, OrderLine l) throws SQLException {
        a.append(l.id())
                .append(l.orderId())
                .append(l.lineNumber())
                .append(l.productId())
                .append(l.quantity())
                .appendDecimal(l.unitPriceCents())
                .appendDecimal((short) l.discountPercent())
                .appendDecimal(l.netCents());
    }

    private static void payment(DuckDBAppender a, Payment p) throws SQLException {
        a.append(p.id())
                .append(p.orderId())
                .append(p.method())
                .appendDecimal(p.amountCents())
                .append(p.paidAt());
    }

    private static void returned(DuckDBAppender a, Return r) throws SQLException {
        a.append(r.id())
                .append(r.orderLineId())
                .append(r.quantity())
                .append(r.reason())
                .append(r.returnedAt())
                .appendDecimal(r.refundCents());
    }
}
