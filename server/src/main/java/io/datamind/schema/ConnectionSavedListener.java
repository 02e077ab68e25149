package io.datamind.schema;

import io.datamind.datasource.ConnectionSaved;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/** Discovers a connection's schema once it is saved (after the commit, so the sync can read it). */
@Component
class ConnectionSavedListener {

    private final SchemaSync sync;
    private final SchemaProperties properties;

    ConnectionSavedListener(SchemaSync sync, SchemaProperties properties) {
        this.sync = sync;
        this.properties = properties;
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(ConnectionSaved saved) {
        if (properties.syncOnSave()) {
            sync.start(saved.orgId(), saved.connectionId());
        }
    }
}
