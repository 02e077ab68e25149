package io.datamind.offline;

import static io.datamind.offline.SchemaParts.date;
import static io.datamind.offline.SchemaParts.fk;
import static io.datamind.offline.SchemaParts.integer;
import static io.datamind.offline.SchemaParts.number;
import static io.datamind.offline.SchemaParts.table;
import static io.datamind.offline.SchemaParts.text;

import io.datamind.schema.SchemaSnapshot;
import io.datamind.schema.TableInfo;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A small shop database written for these tests (customers, orders, products in categories, order lines as a
 * bridge) and a staff database (employees and the projects they lead), created the same way in SQLite, DuckDB, PostgreSQL and
 * MariaDB, with the schema snapshots discovery would produce for them. Recent orders are dated relative to today so
 * relative periods have known answers.
 */
final class ShopFixture {

    static final LocalDate TODAY = LocalDate.now();

    record Order(int id, int customer, LocalDate date, String status, String amount) {}

    static final List<Order> ORDERS = List.of(
            new Order(1, 1, LocalDate.of(2022, 3, 15), "shipped", "120.00"),
            new Order(2, 1, LocalDate.of(2023, 7, 1), "shipped", "80.00"),
            new Order(3, 2, LocalDate.of(2023, 11, 20), "cancelled", "40.00"),
            new Order(4, 3, TODAY.minusDays(5), "pending", "60.00"),
            new Order(5, 4, TODAY.minusDays(10), "shipped", "200.00"),
            new Order(6, 1, TODAY.minusDays(45), "shipped", "30.00"));

    private static final String[][] CUSTOMERS = {
        {"1", "Ada", "ada@example.org", "France", "Paris"},
        {"2", "Bruno", "bruno@example.org", "Italy", "Rome"},
        {"3", "Chloe", "chloe@example.org", "France", "Lyon"},
        {"4", "Dmitri", "dmitri@example.org", "Germany", "Berlin"},
        {"5", "Eve", "eve@example.org", "Spain", "Madrid"}
    };

    private static final String[][] CATEGORIES = {{"1", "Books"}, {"2", "Toys"}, {"3", "Garden"}};

    private static final String[][] PRODUCTS = {
        {"1", "Atlas", "30.00", "1"},
        {"2", "Novel", "12.50", "1"},
        {"3", "Robot", "80.00", "2"},
        {"4", "Puzzle", "20.00", "2"},
        {"5", "Shovel", "45.00", "3"},
        {"6", "Kite", "15.00", "2"}
    };

    private static final int[][] ORDER_LINES = {
        {1, 1, 2}, {1, 2, 1}, {2, 3, 1}, {3, 4, 2}, {4, 1, 1}, {4, 3, 1}, {5, 5, 4}, {6, 6, 2}
    };

    private static final String[][] EMPLOYEES = {
        {"1", "Mara", "31", "Chile"}, {"2", "Tomas", "24", "Peru"}, {"3", "Ines", "45", "Chile"}
    };

    private static final String[][] PROJECTS = {
        {"1", "Payroll Audit", "2", "2019"},
        {"2", "Office Move", "1", "2021"},
        {"3", "Intranet", "3", "2005"},
        {"4", "Hiring Drive", "2", "2022"}
    };

    private ShopFixture() {}

    // ---- snapshots ---------------------------------------------------------------------------------------

    static SchemaSnapshot shop() {
        return SchemaParts.snapshot(
                table(
                        "customers",
                        List.of(
                                integer("id", 1),
                                text("name", 2, column(CUSTOMERS, 1)),
                                text("email", 3, column(CUSTOMERS, 2)),
                                text("country", 4, column(CUSTOMERS, 3)),
                                text("city", 5, column(CUSTOMERS, 4))),
                        List.of()),
                table("categories", List.of(integer("id", 1), text("name", 2, column(CATEGORIES, 1))), List.of()),
                table(
                        "products",
                        List.of(
                                integer("id", 1),
                                text("name", 2, column(PRODUCTS, 1)),
                                number("price", 3),
                                integer("category_id", 4)),
                        List.of(fk("category_id", "categories", "id"))),
                table(
                        "orders",
                        List.of(
                                integer("id", 1),
                                integer("customer_id", 2),
                                date("order_date", 3),
                                text("status", 4, List.of("shipped", "cancelled", "pending")),
                                number("amount", 5)),
                        List.of(fk("customer_id", "customers", "id"))),
                new TableInfo(
                        null,
                        "order_lines",
                        "TABLE",
                        null,
                        null,
                        List.of(integer("order_id", 1), integer("product_id", 2), integer("quantity", 3)),
                        List.of("order_id", "product_id"),
                        List.of(fk("order_id", "orders", "id"), fk("product_id", "products", "id"))));
    }

    static SchemaSnapshot staff() {
        return SchemaParts.snapshot(
                table(
                        "employees",
                        List.of(
                                integer("id", 1),
                                text("name", 2, column(EMPLOYEES, 1)),
                                integer("age", 3),
                                text("country", 4, List.of("Chile", "Peru"))),
                        List.of()),
                table(
                        "projects",
                        List.of(
                                integer("id", 1),
                                text("title", 2, column(PROJECTS, 1)),
                                integer("employee_id", 3),
                                integer("start_year", 4)),
                        List.of(fk("employee_id", "employees", "id"))));
    }

    private static List<String> column(String[][] rows, int index) {
        List<String> out = new ArrayList<>();
        for (String[] row : rows) {
            out.add(row[index]);
        }
        return out;
    }

    // ---- databases ---------------------------------------------------------------------------------------

    /** A connection to a fresh database of the dialect holding both fixtures. */
    static Connection open(OfflineDialect dialect) throws SQLException {
        return FixtureDatabases.open(dialect, "offline", ddl());
    }

    private static List<String> ddl() {
        List<String> out = new ArrayList<>();
        out.add("CREATE TABLE customers (id INTEGER PRIMARY KEY, name VARCHAR(100), email VARCHAR(100),"
                + " country VARCHAR(100), city VARCHAR(100))");
        out.add("CREATE TABLE categories (id INTEGER PRIMARY KEY, name VARCHAR(100))");
        out.add("CREATE TABLE products (id INTEGER PRIMARY KEY, name VARCHAR(100), price DECIMAL(10,2),"
                + " category_id INTEGER REFERENCES categories(id))");
        out.add("CREATE TABLE orders (id INTEGER PRIMARY KEY, customer_id INTEGER REFERENCES customers(id),"
                + " order_date DATE, status VARCHAR(100), amount DECIMAL(10,2))");
        out.add("CREATE TABLE order_lines (order_id INTEGER REFERENCES orders(id), product_id INTEGER REFERENCES"
                + " products(id), quantity INTEGER, PRIMARY KEY (order_id, product_id))");
        out.add(
                "CREATE TABLE employees (id INTEGER PRIMARY KEY, name VARCHAR(100), age INTEGER, country VARCHAR(100))");
        out.add("CREATE TABLE projects (id INTEGER PRIMARY KEY, title VARCHAR(100), employee_id INTEGER REFERENCES"
                + " employees(id), start_year INTEGER)");
        for (String[] r : CUSTOMERS) {
            out.add("INSERT INTO customers VALUES (" + r[0] + ", '" + r[1] + "', '" + r[2] + "', '" + r[3] + "', '"
                    + r[4] + "')");
        }
        for (String[] r : CATEGORIES) {
            out.add("INSERT INTO categories VALUES (" + r[0] + ", '" + r[1] + "')");
        }
        for (String[] r : PRODUCTS) {
            out.add("INSERT INTO products VALUES (" + r[0] + ", '" + r[1] + "', " + r[2] + ", " + r[3] + ")");
        }
        for (Order o : ORDERS) {
            out.add("INSERT INTO orders VALUES (" + o.id() + ", " + o.customer() + ", '" + o.date() + "', '"
                    + o.status() + "', " + o.amount() + ")");
        }
        for (int[] l : ORDER_LINES) {
            out.add("INSERT INTO order_lines VALUES (" + l[0] + ", " + l[1] + ", " + l[2] + ")");
        }
        for (String[] r : EMPLOYEES) {
            out.add("INSERT INTO employees VALUES (" + r[0] + ", '" + r[1] + "', " + r[2] + ", '" + r[3] + "')");
        }
        for (String[] r : PROJECTS) {
            out.add("INSERT INTO projects VALUES (" + r[0] + ", '" + r[1] + "', " + r[2] + ", " + r[3] + ")");
        }
        return out;
    }
}
