package io.datamind.linking;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * An in-memory application database migrated by Flyway exactly as the server's, for the selector's tests and the
 * benchmark, which run without a Spring context.
 */
final class AppDatabase {

    final JdbcClient jdbc;
    final NamedParameterJdbcTemplate template;

    private AppDatabase(DriverManagerDataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
        this.template = new NamedParameterJdbcTemplate(dataSource);
    }

    static AppDatabase inMemory(String name) {
        DriverManagerDataSource dataSource = new DriverManagerDataSource(
                "jdbc:h2:mem:" + name
                        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
                "sa",
                "");
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load()
                .migrate();
        return new AppDatabase(dataSource);
    }

    SchemaVectorRepository vectorRepository() {
        return new SchemaVectorRepository(jdbc, template);
    }

    /** An organization with one connection, for the rows that reference them. */
    void insertConnection(UUID orgId, UUID connectionId) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        jdbc.sql("INSERT INTO organizations (id, name, slug, created_at, updated_at)"
                        + " VALUES (:id, 'Test', :slug, :now, :now)")
                .param("id", orgId)
                .param("slug", "o" + orgId.toString().substring(0, 8))
                .param("now", now)
                .update();
        jdbc.sql("INSERT INTO connections (id, org_id, name, type, properties, managed, created_at, updated_at)"
                        + " VALUES (:id, :orgId, 'Catalog', 'sqlite', '{}', FALSE, :now, :now)")
                .param("id", connectionId)
                .param("orgId", orgId)
                .param("now", now)
                .update();
    }
}
