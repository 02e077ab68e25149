package io.datamind.datasource;

import io.datamind.auth.Caller;
import io.datamind.common.Page;
import io.datamind.common.PageQuery;
import io.datamind.org.Role;
import io.datamind.query.ConnectionProbe;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Admins create and change connections; every member sees them, analysts use them. */
@RestController
@RequestMapping("/api/v1/connections")
@Tag(name = "Connections")
class ConnectionsController {

    private final Connections connections;

    ConnectionsController(Connections connections) {
        this.connections = connections;
    }

    @GetMapping
    @Operation(summary = "Connections of your organization; passwords are never returned")
    Page<ConnectionView> list(Caller caller, PageQuery page) {
        return connections.list(caller.orgId(), page).map(ConnectionView::of);
    }

    @PostMapping
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Save a connection (admin)")
    ResponseEntity<ConnectionView> create(Caller caller, @RequestBody ConnectionDetails details) {
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(ConnectionView.of(connections.create(caller.orgId(), caller.userId(), details)));
    }

    @GetMapping("/{id}")
    @Operation(summary = "One connection")
    ConnectionView get(Caller caller, @PathVariable UUID id) {
        return ConnectionView.of(connections.get(caller.orgId(), id));
    }

    @PutMapping("/{id}")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(
            summary = "Change a connection (admin)",
            description = "An absent or null password keeps the stored one. Open pools are closed and rebuilt.")
    ConnectionView update(Caller caller, @PathVariable UUID id, @RequestBody ConnectionDetails details) {
        return ConnectionView.of(connections.update(caller.orgId(), caller.userId(), id, details));
    }

    @DeleteMapping("/{id}")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Delete a connection (admin)")
    ResponseEntity<Void> delete(Caller caller, @PathVariable UUID id) {
        connections.delete(caller.orgId(), caller.userId(), id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/test")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Test connection details without saving them (admin)")
    ConnectionProbe testUnsaved(Caller caller, @RequestBody ConnectionDetails details) {
        return connections.testUnsaved(caller.orgId(), caller.userId(), details);
    }

    @PostMapping("/{id}/test")
    @Operation(
            summary = "Test a saved connection (analyst), or its edited details (admin)",
            description = "Without a body the saved connection is tested. With a body (the details of the edit"
                    + " form) the saved connection is tested as it would be after that change, without saving"
                    + " it: admins only, checked like a PUT, and an absent or null password means the stored"
                    + " one.")
    ConnectionProbe test(
            Caller caller, @PathVariable UUID id, @RequestBody(required = false) ConnectionDetails details) {
        if (details == null) {
            return connections.testSaved(caller.orgId(), caller.userId(), id);
        }
        caller.require(Role.ADMIN);
        return connections.testEdited(caller.orgId(), caller.userId(), id, details);
    }
}
