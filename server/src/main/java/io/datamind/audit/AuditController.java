package io.datamind.audit;

import io.datamind.auth.Caller;
import io.datamind.common.ApiException;
import io.datamind.common.Page;
import io.datamind.common.PageQuery;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/audit")
@Tag(name = "Audit")
class AuditController {

    private final AuditRepository repository;

    AuditController(AuditRepository repository) {
        this.repository = repository;
    }

    @GetMapping
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Your organization's audit log, newest first (admin)")
    Page<AuditEntry> list(
            Caller caller,
            PageQuery page,
            @RequestParam(required = false) String action,
            @RequestParam(required = false) UUID userId,
            @RequestParam(required = false) Instant from,
            @RequestParam(required = false) Instant to) {
        if (from != null && to != null && !from.isBefore(to)) {
            throw ApiException.invalidField("to", "must be after from");
        }
        AuditRepository.Filter filter =
                new AuditRepository.Filter(action == null || action.isBlank() ? null : action, userId, from, to);
        return Page.of(repository.find(caller.orgId(), filter, page), repository.count(caller.orgId(), filter), page);
    }
}
