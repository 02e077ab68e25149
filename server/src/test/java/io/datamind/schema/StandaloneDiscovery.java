package io.datamind.schema;

import io.datamind.query.DataSourceTarget;
import io.datamind.query.QueryRunner;
import io.datamind.support.BoundProperties;

/**
 * The discovery a connection's sync runs ({@link SchemaDiscovery}: the catalog reader of the database type, then
 * sample values, over a connection lent by the runner) with the application's default settings, for benchmarks that
 * run without the application. What a sync adds around it (storing the snapshot, the embeddings) is not needed to
 * answer questions offline.
 */
public final class StandaloneDiscovery {

    private final SchemaDiscovery discovery;

    public StandaloneDiscovery(QueryRunner runner) {
        this.discovery =
                new SchemaDiscovery(runner, BoundProperties.defaults("datamind.schema", SchemaProperties.class));
    }

    public SchemaSnapshot discover(DataSourceTarget target) {
        return discovery.discover(target, new SyncProgress());
    }
}
