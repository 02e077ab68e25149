package io.datamind.datasource;

import io.datamind.common.ApiException;
import io.datamind.common.NotFoundException;
import io.datamind.query.DataSourceTarget;
import io.datamind.query.DatabaseType;
import io.datamind.sample.SampleDatabase;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * Turns a saved connection into what the query runner needs. Stored details are validated again on every use (the
 * host is resolved and checked again), so a DNS change cannot point a saved connection at a forbidden address.
 */
@Service
public class ConnectionTargets {

    private static final Logger log = LoggerFactory.getLogger(ConnectionTargets.class);
    private static final Duration SAMPLE_WAIT = Duration.ofSeconds(60);

    private final ConnectionRepository repository;
    private final ConnectionDetailsValidator validator;
    private final CredentialCipher cipher;
    private final SampleDatabase sample;
    private final UploadsConnections uploads;

    ConnectionTargets(
            ConnectionRepository repository,
            ConnectionDetailsValidator validator,
            CredentialCipher cipher,
            SampleDatabase sample,
            UploadsConnections uploads) {
        this.repository = repository;
        this.validator = validator;
        this.cipher = cipher;
        this.sample = sample;
        this.uploads = uploads;
    }

    /**
     * The runner target of one of the organization's connections.
     *
     * @throws NotFoundException when there is no such connection in this organization
     */
    public DataSourceTarget forConnection(UUID orgId, UUID connectionId) {
        return forStored(repository.find(orgId, connectionId).orElseThrow(() -> new NotFoundException("Connection")));
    }

    /** Whether the organization has this connection. */
    public boolean exists(UUID orgId, UUID connectionId) {
        return repository.find(orgId, connectionId).isPresent();
    }

    DataSourceTarget forStored(StoredConnection stored) {
        if (stored.managedKind() == ManagedKind.SAMPLE) {
            return sampleTarget(stored);
        }
        if (stored.managedKind() == ManagedKind.UPLOADS) {
            // Like the sample, the file lies outside the file root on purpose and is opened read-only.
            return target(stored.id(), stored.orgId(), managedDuckDb(stored, uploads.file(stored.orgId())));
        }
        String password = stored.passwordEnc() == null ? null : password(stored);
        ValidatedConnection validated = validator.validateForTest(stored.details(password));
        return target(stored.id(), stored.orgId(), validated);
    }

    private String password(StoredConnection stored) {
        try {
            return cipher.decrypt(stored.passwordEnc(), Connections.passwordContext(stored.id()));
        } catch (CredentialCipherException e) {
            // Logged with the reason for the operator; the member learns what fixes it.
            log.warn("The password of connection {} cannot be decrypted: {}", stored.id(), e.getMessage());
            throw new ApiException(
                    HttpStatus.CONFLICT,
                    "Connection needs attention",
                    "The stored password of this connection cannot be read; ask an admin to enter it again");
        }
    }

    static DataSourceTarget target(UUID connectionId, UUID orgId, ValidatedConnection validated) {
        JdbcConnectionSpec spec = JdbcUrls.build(validated);
        Properties properties = spec.properties();
        Map<String, String> driverProperties = new java.util.TreeMap<>();
        properties.stringPropertyNames().forEach(name -> driverProperties.put(name, properties.getProperty(name)));
        String user = driverProperties.remove("user");
        String password = driverProperties.remove("password");
        return new DataSourceTarget(
                connectionId,
                orgId,
                DatabaseType.valueOf(validated.type().name()),
                spec.url(),
                user,
                password,
                driverProperties,
                spec.fingerprint(),
                spec.pinnedAddress());
    }

    private DataSourceTarget sampleTarget(StoredConnection stored) {
        if (!sample.awaitReady(SAMPLE_WAIT)) {
            throw new ApiException(
                    HttpStatus.SERVICE_UNAVAILABLE,
                    "Not ready",
                    "The sample database is still being prepared; try again in a moment");
        }
        // The sample file lies outside the file root on purpose (users cannot point at it), so it skips the
        // validator; it is opened read-only like any DuckDB source.
        return target(stored.id(), stored.orgId(), managedDuckDb(stored, sample.path()));
    }

    private static ValidatedConnection managedDuckDb(StoredConnection stored, Path file) {
        return new ValidatedConnection(
                stored.name(), ConnectionType.DUCKDB, null, null, 0, null, null, null, null, Map.of(), file);
    }
}
