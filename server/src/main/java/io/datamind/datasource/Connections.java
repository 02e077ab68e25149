package io.datamind.datasource;

import io.datamind.audit.AuditEvent;
import io.datamind.common.ApiException;
import io.datamind.common.NotFoundException;
import io.datamind.common.Page;
import io.datamind.common.PageQuery;
import io.datamind.query.ConnectionProbe;
import io.datamind.query.QueryRunner;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** Saved connections of an organization: create, change, delete, test. */
@Service
class Connections {

    private static final String TARGET_TYPE = "connection";

    private final ConnectionRepository repository;
    private final ConnectionDetailsValidator validator;
    private final CredentialCipher cipher;
    private final ConnectionTargets targets;
    private final QueryRunner runner;
    private final ApplicationEventPublisher events;
    private final Clock clock = Clock.systemUTC();

    Connections(
            ConnectionRepository repository,
            ConnectionDetailsValidator validator,
            CredentialCipher cipher,
            ConnectionTargets targets,
            QueryRunner runner,
            ApplicationEventPublisher events) {
        this.repository = repository;
        this.validator = validator;
        this.cipher = cipher;
        this.targets = targets;
        this.runner = runner;
        this.events = events;
    }

    static String passwordContext(UUID connectionId) {
        return "connection:" + connectionId + ":password";
    }

    @Transactional(readOnly = true)
    Page<StoredConnection> list(UUID orgId, PageQuery page) {
        return Page.of(repository.list(orgId, page), repository.count(orgId), page);
    }

    @Transactional(readOnly = true)
    StoredConnection get(UUID orgId, UUID id) {
        return repository.find(orgId, id).orElseThrow(() -> new NotFoundException("Connection"));
    }

    @Transactional
    StoredConnection create(UUID orgId, UUID userId, ConnectionDetails details) {
        ValidatedConnection validated = validator.validateForSave(details);
        requireFreeName(orgId, validated.name(), null);
        UUID id = UUID.randomUUID();
        Instant now = now();
        StoredConnection stored = stored(id, orgId, validated, details, encrypt(id, validated.password()), now, now);
        repository.insert(stored);
        audit(orgId, userId, "datasource.connection.created", stored, Map.of());
        events.publishEvent(new ConnectionSaved(orgId, id, true));
        return stored;
    }

    @Transactional
    StoredConnection update(UUID orgId, UUID userId, UUID id, ConnectionDetails details) {
        StoredConnection existing = editable(orgId, id);
        ConnectionDetails merged = withStoredPassword(existing, details);
        ValidatedConnection validated = validator.validateForSave(merged);
        requireFreeName(orgId, validated.name(), id);
        String passwordEnc = details.password() == null ? existing.passwordEnc() : encrypt(id, validated.password());
        StoredConnection stored = stored(id, orgId, validated, merged, passwordEnc, existing.createdAt(), now());
        repository.update(stored);
        audit(
                orgId,
                userId,
                "datasource.connection.updated",
                stored,
                Map.of("passwordChanged", details.password() != null));
        events.publishEvent(new ConnectionSaved(orgId, id, false));
        // The next query opens a pool with the new details (the fingerprint changes too; this also drops idle ones).
        afterCommit(() -> runner.closePool(id));
        return stored;
    }

    @Transactional
    void delete(UUID orgId, UUID userId, UUID id) {
        StoredConnection existing = editable(orgId, id);
        repository.delete(orgId, id);
        audit(orgId, userId, "datasource.connection.deleted", existing, Map.of());
        afterCommit(() -> runner.closePool(id));
    }

    /** Tests details that are not saved: a fresh connection, no pool left behind. */
    @Transactional
    ConnectionProbe testUnsaved(UUID orgId, UUID userId, ConnectionDetails details) {
        ValidatedConnection validated = validator.validateForTest(details);
        ConnectionProbe probe = runner.test(ConnectionTargets.target(UUID.randomUUID(), orgId, validated));
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("type", validated.type().id());
        facts.put("ok", probe.ok());
        events.publishEvent(new AuditEvent(orgId, userId, "datasource.connection.tested", TARGET_TYPE, null, facts));
        return probe;
    }

    @Transactional
    ConnectionProbe testSaved(UUID orgId, UUID userId, UUID id) {
        StoredConnection stored = get(orgId, id);
        ConnectionProbe probe = runner.test(targets.forStored(stored));
        audit(orgId, userId, "datasource.connection.tested", stored, Map.of("ok", probe.ok()));
        return probe;
    }

    /**
     * Tests a saved connection as it would be after an edit, without saving anything: the same checks and 400s as
     * {@link #update}, and an absent password means the stored one (which never leaves the server). A fresh
     * connection, so the connection's pool keeps its saved details.
     */
    @Transactional
    ConnectionProbe testEdited(UUID orgId, UUID userId, UUID id, ConnectionDetails details) {
        StoredConnection existing = editable(orgId, id);
        ValidatedConnection validated = validator.validateForSave(withStoredPassword(existing, details));
        ConnectionProbe probe = runner.test(ConnectionTargets.target(id, orgId, validated));
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("ok", probe.ok());
        facts.put("edited", true);
        facts.put("passwordChanged", details.password() != null);
        audit(orgId, userId, "datasource.connection.tested", existing, facts);
        return probe;
    }

    /**
     * The edited details with the stored password where none was typed. A file-based type has no password, so
     * switching a connection to one does not carry the old password into a field the validator refuses.
     */
    private ConnectionDetails withStoredPassword(StoredConnection existing, ConnectionDetails details) {
        boolean fileBased = ConnectionType.fromId(details.type())
                .map(ConnectionType::fileBased)
                .orElse(false);
        String password = details.password() != null || fileBased || existing.passwordEnc() == null
                ? details.password()
                : cipher.decrypt(existing.passwordEnc(), passwordContext(existing.id()));
        return new ConnectionDetails(
                details.name(),
                details.type(),
                details.host(),
                details.port(),
                details.database(),
                details.username(),
                password,
                details.sslMode(),
                details.properties(),
                details.filePath());
    }

    private StoredConnection editable(UUID orgId, UUID id) {
        StoredConnection existing = get(orgId, id);
        if (existing.managed()) {
            throw ApiException.badRequest(
                    "The " + existing.name() + " connection is built in and cannot be changed or deleted");
        }
        return existing;
    }

    private void requireFreeName(UUID orgId, String name, UUID exceptId) {
        if (repository.nameTaken(orgId, name, exceptId)) {
            throw ApiException.conflict("name", "A connection with this name already exists");
        }
    }

    private String encrypt(UUID id, String password) {
        return password == null ? null : cipher.encrypt(password, passwordContext(id));
    }

    private static StoredConnection stored(
            UUID id,
            UUID orgId,
            ValidatedConnection v,
            ConnectionDetails details,
            String passwordEnc,
            Instant createdAt,
            Instant updatedAt) {
        boolean file = v.type().fileBased();
        return new StoredConnection(
                id,
                orgId,
                v.name(),
                v.type(),
                file ? null : v.displayHost(),
                file ? null : v.port(),
                v.database(),
                v.username(),
                passwordEnc,
                v.sslMode() == null ? null : v.sslMode().id(),
                v.properties(),
                file ? details.filePath() : null,
                null,
                createdAt,
                updatedAt);
    }

    private void audit(UUID orgId, UUID userId, String action, StoredConnection c, Map<String, Object> extra) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("name", c.name());
        details.put("type", c.type().id());
        details.putAll(extra);
        events.publishEvent(new AuditEvent(orgId, userId, action, TARGET_TYPE, c.id().toString(), details));
    }

    private static void afterCommit(Runnable action) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    action.run();
                }
            });
        } else {
            action.run();
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
