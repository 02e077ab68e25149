package io.datamind.datasource;

import io.datamind.org.OrganizationCreated;
import io.datamind.sample.SampleDatabase;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Gives every new organization the built-in Sample Sales connection, in the transaction that creates it. */
@Component
class SampleConnectionProvisioner {

    private final ConnectionRepository repository;
    private final ApplicationEventPublisher events;

    SampleConnectionProvisioner(ConnectionRepository repository, ApplicationEventPublisher events) {
        this.repository = repository;
        this.events = events;
    }

    @EventListener
    void on(OrganizationCreated created) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        UUID id = UUID.randomUUID();
        // No file path is stored: the runner is always pointed at the current sample file (see ConnectionTargets).
        repository.insert(
                StoredConnection.managed(id, created.orgId(), SampleDatabase.CONNECTION_NAME, ManagedKind.SAMPLE, now));
        events.publishEvent(new ConnectionSaved(created.orgId(), id, true));
    }
}
