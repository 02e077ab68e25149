package io.datamind.datasource;

import io.datamind.auth.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The organization's own words for a connection's tables, columns and schema words. */
@RestController
@RequestMapping("/api/v1/connections/{id}/glossary")
@Tag(name = "Connections")
class GlossaryController {

    private final StoredGlossaries glossaries;

    GlossaryController(StoredGlossaries glossaries) {
        this.glossaries = glossaries;
    }

    @GetMapping
    @Operation(summary = "The connection's glossary")
    Glossary get(Caller caller, @PathVariable UUID id) {
        return glossaries.get(caller.orgId(), id);
    }

    @PutMapping
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(
            summary = "Replace the connection's glossary (admin)",
            description = "Up to 500 terms, each a word or phrase (at most 100 characters) and what it means in the"
                    + " schema (at most 200): a table (\"customers\"), a column (\"orders.total\") or the schema's"
                    + " own word (\"customer\"). Terms are unique regardless of case; an empty list clears the"
                    + " glossary.")
    Glossary replace(Caller caller, @PathVariable UUID id, @RequestBody Glossary glossary) {
        return glossaries.replace(caller.orgId(), caller.userId(), id, glossary);
    }
}
