package io.datamind.schema;

import io.datamind.auth.Caller;
import io.datamind.common.NotFoundException;
import io.datamind.datasource.ConnectionTargets;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A connection's discovered schema and its background sync. */
@RestController
@RequestMapping("/api/v1/connections/{id}")
@Tag(name = "Schema")
class SchemaController {

    private final SchemaSync sync;
    private final SchemaSnapshotRepository snapshots;
    private final ConnectionTargets connections;

    SchemaController(SchemaSync sync, SchemaSnapshotRepository snapshots, ConnectionTargets connections) {
        this.sync = sync;
        this.snapshots = snapshots;
        this.connections = connections;
    }

    @PostMapping("/sync")
    @Operation(summary = "Discover the connection's schema again, in the background (analyst)")
    ResponseEntity<SyncStatus> startSync(Caller caller, @PathVariable UUID id) {
        requireConnection(caller, id);
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(sync.start(caller.orgId(), id));
    }

    @GetMapping("/sync")
    @Operation(summary = "State of the connection's schema sync")
    SyncStatus syncStatus(Caller caller, @PathVariable UUID id) {
        return sync.status(caller.orgId(), id);
    }

    @GetMapping("/schema")
    @Operation(
            summary = "The connection's discovered schema",
            description = "404 until a first sync finished; asking starts one when none ran yet.")
    @ApiResponse(
            responseCode = "200",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = SchemaSnapshot.class)))
    ResponseEntity<String> schema(Caller caller, @PathVariable UUID id) {
        // Sent as stored: a large schema (20,000 columns is megabytes of JSON) is not parsed and written again.
        String json = snapshots.snapshotJson(caller.orgId(), id).orElseThrow(() -> {
            requireConnection(caller, id);
            // For example the Sample Sales connection of an organization created before its file was ready.
            if (snapshots.syncRow(caller.orgId(), id).isEmpty() && !sync.isRunning(id)) {
                sync.start(caller.orgId(), id);
            }
            return new NotFoundException("Schema");
        });
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(json);
    }

    private void requireConnection(Caller caller, UUID id) {
        if (!connections.exists(caller.orgId(), id)) {
            throw new NotFoundException("Connection");
        }
    }
}
