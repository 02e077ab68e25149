package io.datamind.offline;

import static io.datamind.offline.SchemaParts.date;
import static io.datamind.offline.SchemaParts.fk;
import static io.datamind.offline.SchemaParts.integer;
import static io.datamind.offline.SchemaParts.number;
import static io.datamind.offline.SchemaParts.table;
import static io.datamind.offline.SchemaParts.text;

import io.datamind.schema.SchemaSnapshot;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * A small trading database written for these tests, named the way business schemas often are: clients known by a
 * company name with a contact person beside it, staff with first and last names and two dates, orders with the
 * ship-to party's columns and a freight amount, and teams with no name column at all. Created in SQLite and
 * PostgreSQL, with the snapshot discovery would produce (row estimates included, as PostgreSQL gives them).
 */
final class TradeFixture {

    private TradeFixture() {}

    static SchemaSnapshot snapshot() {
        return SchemaParts.snapshot(
                table(
                        "clients",
                        3,
                        List.of(
                                integer("id", 1),
                                text("company_name", 2, List.of()),
                                text("contact_name", 3, List.of()),
                                text("contact_title", 4, List.of("Owner", "Buyer")),
                                text("city", 5, List.of("Oslo", "Lima")),
                                text("country", 6, List.of("Norway", "Peru"))),
                        List.of()),
                table(
                        "staff",
                        3,
                        List.of(
                                integer("id", 1),
                                text("first_name", 2, List.of()),
                                text("last_name", 3, List.of()),
                                date("birth_date", 4),
                                date("hire_date", 5)),
                        List.of()),
                table(
                        "teams",
                        3,
                        List.of(
                                integer("id", 1),
                                text("team_code", 2, List.of("TA", "TB", "TC")),
                                text("nickname", 3, List.of("Falcons", "Otters", "Wolves"))),
                        List.of()),
                table(
                        "orders",
                        6,
                        List.of(
                                integer("id", 1),
                                integer("client_id", 2),
                                integer("staff_id", 3),
                                date("order_date", 4),
                                text("ship_name", 5, List.of()),
                                text("ship_city", 6, List.of("Oslo", "Lima")),
                                number("freight", 7)),
                        List.of(fk("client_id", "clients", "id"), fk("staff_id", "staff", "id"))));
    }

    static Connection open(OfflineDialect dialect) throws SQLException {
        return FixtureDatabases.open(dialect, "trade", DDL);
    }

    private static final List<String> DDL = List.of(
            "CREATE TABLE clients (id INTEGER PRIMARY KEY, company_name VARCHAR(100), contact_name VARCHAR(100),"
                    + " contact_title VARCHAR(100), city VARCHAR(100), country VARCHAR(100))",
            "CREATE TABLE staff (id INTEGER PRIMARY KEY, first_name VARCHAR(100), last_name VARCHAR(100),"
                    + " birth_date DATE, hire_date DATE)",
            "CREATE TABLE teams (id INTEGER PRIMARY KEY, team_code VARCHAR(100), nickname VARCHAR(100))",
            "CREATE TABLE orders (id INTEGER PRIMARY KEY, client_id INTEGER REFERENCES clients(id), staff_id INTEGER"
                    + " REFERENCES staff(id), order_date DATE, ship_name VARCHAR(100), ship_city VARCHAR(100),"
                    + " freight DECIMAL(10,2))",
            "INSERT INTO clients VALUES (1, 'Blue Harbor Ltd', 'Anna Berg', 'Owner', 'Oslo', 'Norway'),"
                    + " (2, 'Cedar Works', 'Luis Mora', 'Buyer', 'Lima', 'Peru'),"
                    + " (3, 'Delta Foods', 'Kim Park', 'Owner', 'Oslo', 'Norway')",
            "INSERT INTO staff VALUES (1, 'Rosa', 'Vidal', '1980-02-10', '2019-05-01'),"
                    + " (2, 'Omar', 'Haddad', '1992-07-23', '2021-09-15'),"
                    + " (3, 'Lena', 'Kraus', '1975-11-30', '2021-01-04')",
            "INSERT INTO teams VALUES (1, 'TA', 'Falcons'), (2, 'TB', 'Otters'), (3, 'TC', 'Wolves')",
            "INSERT INTO orders VALUES (1, 1, 1, '2023-01-10', 'Harbor Depot', 'Oslo', 20.00),"
                    + " (2, 1, 2, '2023-02-14', 'Harbor Depot', 'Oslo', 80.00),"
                    + " (3, 2, 2, '2023-02-20', 'Cedar Yard', 'Lima', 35.00),"
                    + " (4, 3, 3, '2023-05-03', 'Delta Dock', 'Oslo', 60.00),"
                    + " (5, 1, 3, '2024-01-09', 'Harbor Depot', 'Oslo', 15.00),"
                    + " (6, 3, 1, '2024-08-21', 'Delta Dock', 'Oslo', 90.00)");
}
