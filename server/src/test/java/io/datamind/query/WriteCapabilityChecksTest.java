package io.datamind.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.datamind.support.TestServices;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The "use a read-only user" checks of ClickHouse, Trino and SQL Server. No such server runs here: the SQL Server
 * and ClickHouse checks are pinned by their text and by how their answers map to warnings; Trino's is standard SQL
 * over information_schema, which PostgreSQL also has, so it is run there.
 */
class WriteCapabilityChecksTest {

    @Test
    void sqlServerAsksTheServerForEffectiveWritePermissions() {
        String sql = SqlServerRules.WRITE_PERMISSIONS_SQL;
        assertThat(sql)
                .contains("HAS_PERMS_BY_NAME(DB_NAME(), 'DATABASE', p.permission_name) = 1")
                .contains("'OBJECT'")
                .contains("('INSERT'), ('UPDATE'), ('DELETE')")
                .contains("TOP (20)");
    }

    @Test
    void sqlServerPermissionsOnTheDatabaseAreNotRepeatedPerTable() {
        List<String[]> rows = List.of(
                row("INSERT", "database"),
                row("INSERT", "dbo.orders"),
                row("DELETE", "dbo.orders"),
                row("UPDATE", "sales.customers"));

        assertThat(SqlServerRules.writeCapabilities(rows))
                .containsExactly("INSERT on database", "DELETE on dbo.orders", "UPDATE on sales.customers");
        assertThat(SqlServerRules.writeCapabilities(List.of(row("CONTROL", "database"), row("DELETE", "dbo.orders"))))
                .containsExactly("CONTROL on database");
        assertThat(SqlServerRules.writeCapabilities(List.of())).isEmpty();
    }

    @Test
    void longListsAreCappedWithACount() {
        List<String[]> rows = new ArrayList<>();
        for (int i = 0; i < 14; i++) {
            rows.add(row("INSERT", "dbo.t" + i));
        }
        List<String> capabilities = SqlServerRules.writeCapabilities(rows);
        assertThat(capabilities).hasSize(VendorRules.MAX_CAPABILITIES + 1).endsWith("4 more");
    }

    @Test
    void clickhouseWriteGrantsFromShowGrants() {
        assertThat(ClickHouseRules.WRITE_GRANTS_SQL).isEqualTo("SHOW GRANTS");
        assertThat(ClickHouseRules.writeGrants("GRANT SELECT, SHOW TABLES ON shop.* TO analyst"))
                .isEmpty();
        assertThat(ClickHouseRules.writeGrants("GRANT SELECT, INSERT(id, total), ALTER UPDATE ON shop.orders TO etl"))
                .containsExactly("INSERT on shop.orders", "ALTER UPDATE on shop.orders");
        assertThat(ClickHouseRules.writeGrants("GRANT ALL ON *.* TO default WITH GRANT OPTION"))
                .containsExactly("ALL on *.*");
        assertThat(ClickHouseRules.writeGrants("GRANT TRUNCATE, DROP TABLE, CREATE TEMPORARY TABLE ON `shop`.* TO x"))
                .containsExactly("TRUNCATE on shop.*", "DROP TABLE on shop.*");
        // A role grant has no ON: what the role brings is not on the user's lines.
        assertThat(ClickHouseRules.writeGrants("GRANT writer TO etl")).isEmpty();
        assertThat(ClickHouseRules.writeGrants(null)).isEmpty();
    }

    @Test
    void trinoPrivilegeQueryRunsOnStandardInformationSchema() throws Exception {
        assertThat(TrinoRules.WRITE_PRIVILEGES_SQL).contains("grantee = CURRENT_USER");
        String database = TestServices.createPostgresDatabase("dm_privs");
        String writer = database + "_writer";
        String reader = database + "_reader";
        try (Connection connection =
                        DriverManager.getConnection(TestServices.postgresUrl(database), TestServices.PG_USER, "");
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE ROLE " + writer);
            statement.execute("CREATE ROLE " + reader);
            statement.execute("CREATE SCHEMA web");
            statement.execute("CREATE TABLE web.page (id int)");
            statement.execute("ALTER TABLE web.page OWNER TO " + writer);
            statement.execute("GRANT USAGE ON SCHEMA web TO " + reader);
            statement.execute("GRANT SELECT ON web.page TO " + reader);
            try {
                // The owner of a table can write it.
                statement.execute("SET ROLE " + writer);
                assertThat(TrinoRules.INSTANCE.writeCapabilities(connection))
                        .containsExactly("DELETE in schema web", "INSERT in schema web", "UPDATE in schema web");

                // A user with SELECT only has nothing to report.
                statement.execute("SET ROLE " + reader);
                assertThat(TrinoRules.INSTANCE.writeCapabilities(connection)).isEmpty();
            } finally {
                statement.execute("RESET ROLE");
                statement.execute("DROP OWNED BY " + writer + ", " + reader);
                statement.execute("DROP ROLE " + writer + ", " + reader);
            }
        }
    }

    private static String[] row(String permission, String object) {
        return new String[] {permission, object};
    }
}
