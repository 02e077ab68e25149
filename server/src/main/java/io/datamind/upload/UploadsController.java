package io.datamind.upload;

import io.datamind.auth.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Analysts and above load files into their organization's Uploads connection (viewers change nothing). */
@RestController
@RequestMapping("/api/v1/uploads")
@Tag(name = "Uploads")
class UploadsController {

    private final Uploads uploads;

    UploadsController(Uploads uploads) {
        this.uploads = uploads;
    }

    @PostMapping
    @Operation(
            summary = "Load a CSV or XLSX file into a new table of the Uploads connection (analyst)",
            description = "multipart/form-data with the file in part 'file' and optionally the table name in 'table'"
                    + " (otherwise made from the file name; a taken name asked for is a 409, a taken name made from"
                    + " the file name gets a number). Column types are inferred from every row; rows that do not fit"
                    + " the header are reported, not loaded. The table is then discovered in the background. A file"
                    + " over datamind.uploads.max-size is a 413; one that cannot be loaded a 400.")
    ResponseEntity<LoadReport> upload(
            Caller caller,
            @RequestParam(name = "file", required = false) MultipartFile file,
            @RequestParam(name = "table", required = false) String table) {
        // Both parts are optional here so a request without them gets this module's 400, not a generic one.
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(uploads.load(caller.orgId(), caller.userId(), file, table));
    }

    @DeleteMapping("/tables/{table}")
    @Operation(
            summary = "Drop a table of the Uploads connection (analyst)",
            description = "The name compares without letter case; an unknown table is a 404. Audited; the schema is"
                    + " discovered again in the background.")
    ResponseEntity<Void> drop(Caller caller, @PathVariable String table) {
        uploads.drop(caller.orgId(), caller.userId(), table);
        return ResponseEntity.noContent().build();
    }
}
