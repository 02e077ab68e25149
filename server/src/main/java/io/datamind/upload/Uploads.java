package io.datamind.upload;

import io.datamind.audit.AuditEvent;
import io.datamind.common.ApiException;
import io.datamind.common.NotFoundException;
import io.datamind.datasource.UploadsConnections;
import io.datamind.query.QueryRunner;
import io.datamind.schema.SchemaSnapshots;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.multipart.MultipartFile;

/**
 * Loads an uploaded file: stores it privately, reads it once to check rows and infer column types, reads it again
 * into a staging DuckDB file, then copies the table into the organization's uploads database, records the upload
 * and starts the schema sync. Nothing reaches the organization's database unless every step before it succeeded.
 */
@Service
class Uploads {

    private static final Logger log = LoggerFactory.getLogger(Uploads.class);
    private static final int REPORTED_REJECTIONS = 100;
    private static final int MAX_TABLE_TEXT = 200;
    private static final int MAX_FILE_NAME = 255;
    /** A workbook may unpack to this many times the upload limit of XML. */
    private static final int XLSX_EXPANSION = 10;

    private final UploadProperties properties;
    private final UploadsConnections connections;
    private final QueryRunner runner;
    private final SchemaSnapshots schemas;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final Map<UUID, Object> orgLocks = new ConcurrentHashMap<>();

    Uploads(
            UploadProperties properties,
            UploadsConnections connections,
            QueryRunner runner,
            SchemaSnapshots schemas,
            ApplicationEventPublisher events,
            TransactionTemplate transactions) {
        this.properties = properties;
        this.connections = connections;
        this.runner = runner;
        this.schemas = schemas;
        this.events = events;
        this.transactions = transactions;
    }

    LoadReport load(UUID orgId, UUID userId, MultipartFile file, String requestedTable) {
        if (file == null) {
            throw new BadUpload("Send the file as multipart/form-data, in a part named 'file'");
        }
        long maxBytes = properties.maxSize().toBytes();
        if (file.getSize() > maxBytes) {
            throw new ApiException(
                    HttpStatus.CONTENT_TOO_LARGE,
                    "Upload too large",
                    "The file is larger than the upload limit of "
                            + properties.maxSize().toMegabytes() + " MB");
        }
        if (file.isEmpty()) {
            throw new BadUpload("The file is empty");
        }
        if (requestedTable != null && requestedTable.length() > MAX_TABLE_TEXT) {
            throw ApiException.invalidField("table", "is too long (at most " + MAX_TABLE_TEXT + " characters)");
        }
        String fileName = fileName(file.getOriginalFilename());
        Path work = connections.folder(orgId).resolve(".staging");
        String id = UUID.randomUUID().toString();
        Path incoming = work.resolve(id + ".upload");
        Path staged = work.resolve(id + ".duckdb");
        try {
            Files.createDirectories(work);
            file.transferTo(incoming);
            UploadFormat format = UploadFormat.detect(fileName, incoming);
            Sheet sheet = format == UploadFormat.CSV
                    ? CsvSheet.open(incoming, fileName)
                    : XlsxSheet.open(incoming, maxBytes * XLSX_EXPANSION);
            Inspection inspection =
                    new Inspection(properties.maxColumns(), REPORTED_REJECTIONS, sheet.shortRowsAreMissingFields());
            sheet.read(inspection);
            Inspection.Inspected shape = inspection.result();
            long loaded = UploadsDatabase.stage(staged, shape, sheet);
            boolean requested = requestedTable != null && !requestedTable.isBlank();
            String table = Names.table(requestedTable, fileName);
            synchronized (orgLocks.computeIfAbsent(orgId, key -> new Object())) {
                Optional<UUID> existing = connections.find(orgId);
                String created = UploadsDatabase.merge(
                        connections.file(orgId),
                        staged,
                        table,
                        requested,
                        () -> existing.ifPresent(runner::closePool),
                        properties.writeWait());
                Map<String, Object> audited = new LinkedHashMap<>();
                audited.put("table", created);
                audited.put("fileName", fileName);
                audited.put("format", format.id());
                audited.put("rowsLoaded", loaded);
                audited.put("rejected", shape.rejected());
                UUID connectionId = transactions.execute(status -> record(orgId, userId, existing, audited));
                schemas.refresh(orgId, connectionId);
                log.info("Loaded {} rows of an upload into table {} of connection {}", loaded, created, connectionId);
                return new LoadReport(
                        created,
                        connectionId,
                        fileName,
                        format.id(),
                        loaded,
                        shape.rejected(),
                        shape.rejections(),
                        columns(shape.columns()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Storing or reading an upload failed", e);
        } catch (SQLException e) {
            throw new IllegalStateException("Writing an upload to DuckDB failed", e);
        } finally {
            deleteQuietly(incoming);
            deleteQuietly(staged);
            deleteQuietly(staged.resolveSibling(staged.getFileName() + ".wal"));
        }
    }

    /**
     * Drops an uploaded table: files were loaded by mistake, or hold data that must go. The schema is discovered
     * again so the table disappears from questions and the schema browser.
     */
    void drop(UUID orgId, UUID userId, String table) {
        NotFoundException missing = new NotFoundException("Uploaded table " + table);
        if (table.length() > MAX_TABLE_TEXT) {
            throw missing;
        }
        synchronized (orgLocks.computeIfAbsent(orgId, key -> new Object())) {
            UUID connectionId = connections.find(orgId).orElseThrow(() -> missing);
            String dropped;
            try {
                dropped = UploadsDatabase.drop(
                                connections.file(orgId),
                                table,
                                () -> runner.closePool(connectionId),
                                properties.writeWait())
                        .orElseThrow(() -> missing);
            } catch (SQLException e) {
                throw new IllegalStateException("Dropping an uploaded table failed", e);
            }
            transactions.executeWithoutResult(status -> events.publishEvent(new AuditEvent(
                    orgId,
                    userId,
                    "upload.table.deleted",
                    "connection",
                    connectionId.toString(),
                    Map.of("table", dropped))));
            schemas.refresh(orgId, connectionId);
            log.info("Dropped uploaded table {} of connection {}", dropped, connectionId);
        }
    }

    /** Creates the Uploads connection on the first upload, and audits the new table, in one transaction. */
    private UUID record(UUID orgId, UUID userId, Optional<UUID> existing, Map<String, Object> details) {
        UUID connectionId = existing.orElseGet(() -> connections.create(orgId));
        events.publishEvent(
                new AuditEvent(orgId, userId, "upload.table.created", "connection", connectionId.toString(), details));
        return connectionId;
    }

    private static List<LoadReport.Column> columns(List<LoadColumn> columns) {
        return columns.stream()
                .map(c -> new LoadReport.Column(c.name(), c.header(), c.type().id(), c.sqlType()))
                .toList();
    }

    /** The name without any folder, cut to a sane length; browsers send only the name, other clients may not. */
    private static String fileName(String original) {
        if (original == null) {
            return "upload";
        }
        String name = original.replaceAll(".*[/\\\\]", "")
                .replaceAll("\\p{Cntrl}", "")
                .strip();
        if (name.isEmpty()) {
            return "upload";
        }
        return name.length() > MAX_FILE_NAME ? name.substring(name.length() - MAX_FILE_NAME) : name;
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("Cannot delete the upload work file {}: {}", file, e.getMessage());
        }
    }
}
