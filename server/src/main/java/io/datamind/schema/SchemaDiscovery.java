package io.datamind.schema;

import io.datamind.query.DataSourceTarget;
import io.datamind.query.QueryRunner;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Component;

/** Reads a database's schema over a connection lent by the query runner (the only module that opens them). */
@Component
class SchemaDiscovery {

    private final QueryRunner runner;
    private final SampleValues sampleValues;

    SchemaDiscovery(QueryRunner runner, SchemaProperties properties) {
        this.runner = runner;
        this.sampleValues = new SampleValues(
                properties.sampleValueBudget(), properties.sampleQueryTimeout(), properties.sampleMaxTableRows());
    }

    SchemaSnapshot discover(DataSourceTarget target, SyncProgress progress) {
        List<TableInfo> tables = runner.withConnection(target, connection -> {
            List<TableInfo> found = CatalogReader.of(target.type()).read(connection, progress);
            return sampleValues.addTo(connection, target.type(), found, progress);
        });
        return new SchemaSnapshot(target.connectionId(), Instant.now(), tables);
    }
}
