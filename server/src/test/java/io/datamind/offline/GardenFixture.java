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
 * A small garden-trade database written for these tests, with the traps a new schema sets: a city column sampled
 * in one table (clerks) and too varied to sample in another (buyers); a country both on the buyer and, prefixed,
 * on the receipt; an amount column that "sales" and "spent" mean; a lookup table of plant families that only
 * plants refer to; contact columns people call "phone numbers" and "email addresses"; a title both on the clerks
 * and, prefixed, on the buyers; clerks reporting to clerks; and packers beside a receipt's pack_name. Created in
 * SQLite and PostgreSQL, with the snapshot discovery would produce.
 */
final class GardenFixture {

    private GardenFixture() {}

    static SchemaSnapshot snapshot() {
        return SchemaParts.snapshot(
                table(
                        "families",
                        3,
                        List.of(integer("id", 1), text("family_name", 2, List.of("Ferns", "Palms", "Cacti"))),
                        List.of()),
                table(
                        "plants",
                        4,
                        List.of(
                                integer("id", 1),
                                text("plant_name", 2, List.of()),
                                integer("family_id", 3),
                                number("price", 4),
                                integer("grower_id", 5)),
                        List.of(fk("family_id", "families", "id"), fk("grower_id", "growers", "id"))),
                table(
                        "growers",
                        2,
                        List.of(
                                integer("id", 1),
                                text("grower_name", 2, List.of()),
                                text("phone", 3, List.of()),
                                text("email", 4, List.of()),
                                text("city", 5, List.of("Oslo", "Lima")),
                                text("country", 6, List.of("Norway", "Peru"))),
                        List.of()),
                table(
                        "clerks",
                        2,
                        List.of(
                                integer("id", 1),
                                text("first_name", 2, List.of("Ida", "Per")),
                                text("last_name", 3, List.of("Lund", "Dahl")),
                                text("city", 4, List.of("Oslo", "Bergen")),
                                text("title", 5, List.of("Florist", "Cashier")),
                                integer("reports_to", 6)),
                        List.of(fk("reports_to", "clerks", "id"))),
                table(
                        "buyers",
                        4,
                        List.of(
                                integer("id", 1),
                                text("buyer_name", 2, List.of()),
                                // too many cities to sample: discovery leaves the list empty
                                text("city", 3, List.of()),
                                text("country", 4, List.of("Norway", "Peru")),
                                text("contact_title", 5, List.of("Florist", "Owner"))),
                        List.of()),
                table(
                        "packers",
                        2,
                        List.of(integer("id", 1), text("company_name", 2, List.of()), text("phone", 3, List.of())),
                        List.of()),
                table(
                        "receipts",
                        5,
                        List.of(
                                integer("id", 1),
                                integer("buyer_id", 2),
                                integer("clerk_id", 3),
                                integer("plant_id", 4),
                                date("receipt_date", 5),
                                text("ship_country", 6, List.of("Norway", "Chile")),
                                number("amount", 7),
                                text("pack_name", 8, List.of()),
                                integer("packer_id", 9),
                                integer("quantity", 10)),
                        List.of(
                                fk("buyer_id", "buyers", "id"),
                                fk("packer_id", "packers", "id"),
                                fk("clerk_id", "clerks", "id"),
                                fk("plant_id", "plants", "id"))));
    }

    static Connection open(OfflineDialect dialect) throws SQLException {
        return FixtureDatabases.open(dialect, "garden", DDL);
    }

    private static final List<String> DDL = List.of(
            "CREATE TABLE families (id INTEGER PRIMARY KEY, family_name VARCHAR(100))",
            "CREATE TABLE plants (id INTEGER PRIMARY KEY, plant_name VARCHAR(100),"
                    + " family_id INTEGER REFERENCES families(id), price DECIMAL(10,2), grower_id INTEGER)",
            "CREATE TABLE growers (id INTEGER PRIMARY KEY, grower_name VARCHAR(100), phone VARCHAR(100),"
                    + " email VARCHAR(100), city VARCHAR(100), country VARCHAR(100))",
            "CREATE TABLE clerks (id INTEGER PRIMARY KEY, first_name VARCHAR(100), last_name VARCHAR(100),"
                    + " city VARCHAR(100), title VARCHAR(100), reports_to INTEGER)",
            "CREATE TABLE buyers (id INTEGER PRIMARY KEY, buyer_name VARCHAR(100), city VARCHAR(100),"
                    + " country VARCHAR(100), contact_title VARCHAR(100))",
            "CREATE TABLE packers (id INTEGER PRIMARY KEY, company_name VARCHAR(100), phone VARCHAR(100))",
            "CREATE TABLE receipts (id INTEGER PRIMARY KEY, buyer_id INTEGER REFERENCES buyers(id),"
                    + " clerk_id INTEGER REFERENCES clerks(id), plant_id INTEGER REFERENCES plants(id),"
                    + " receipt_date DATE, ship_country VARCHAR(100), amount DECIMAL(10,2), pack_name VARCHAR(100),"
                    + " packer_id INTEGER, quantity INTEGER)",
            "INSERT INTO families VALUES (1, 'Ferns'), (2, 'Palms'), (3, 'Cacti')",
            "INSERT INTO plants VALUES (1, 'Boston Fern', 1, 12.50, 1), (2, 'Maidenhair', 1, 9.00, 2),"
                    + " (3, 'Areca', 2, 30.00, 2), (4, 'Saguaro', 3, 45.00, 1)",
            "INSERT INTO growers VALUES (1, 'Green Acre', '555-0101', 'green@acre.test', 'Oslo', 'Norway'),"
                    + " (2, 'Sun Farm', '555-0102', 'sun@farm.test', 'Lima', 'Peru')",
            "INSERT INTO clerks VALUES (1, 'Ida', 'Lund', 'Oslo', 'Florist', NULL), (2, 'Per', 'Dahl', 'Bergen',"
                    + " 'Cashier', 1)",
            "INSERT INTO buyers VALUES (1, 'Fjord Florist', 'Bergen', 'Norway', 'Owner'),"
                    + " (2, 'Andes Garden', 'Cusco', 'Peru', 'Florist'), (3, 'Nordic Leaf', 'Oslo', 'Norway', 'Owner'),"
                    + " (4, 'Quito Blooms', 'Quito', 'Peru', 'Florist')",
            "INSERT INTO packers VALUES (1, 'Swift Pack', '555-0201'), (2, 'Box Bros', '555-0202')",
            // receipt 2 is a Norwegian buyer's, shipped to Chile; receipt 3 a Peruvian buyer's, shipped to Norway
            "INSERT INTO receipts VALUES (1, 1, 1, 1, '2023-03-05', 'Norway', 25.00, 'Crate A', 1, 2),"
                    + " (2, 1, 2, 3, '2024-02-11', 'Chile', 60.00, 'Crate B', 2, 1),"
                    + " (3, 2, 2, 4, '2024-06-20', 'Norway', 45.00, 'Crate A', 1, 3),"
                    + " (4, 3, 1, 2, '2024-09-01', 'Norway', 18.00, 'Crate C', 2, 1),"
                    + " (5, 3, 1, 1, '2023-11-30', 'Norway', 12.50, 'Crate B', 1, 1)");
}
