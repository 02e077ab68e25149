package io.datamind.auth;

import io.datamind.auth.AccountViews.MemberView;
import io.datamind.common.Page;
import io.datamind.common.PageQuery;
import io.datamind.org.Members;
import io.datamind.org.Role;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The members of the caller's organization. Lives here, not in org, because adding one sets a password. */
@RestController
@RequestMapping("/api/v1/org/members")
@Tag(name = "Members")
class MembersController {

    private final Members members;
    private final Accounts accounts;

    MembersController(Members members, Accounts accounts) {
        this.members = members;
        this.accounts = accounts;
    }

    @GetMapping
    @Operation(summary = "Members of your organization, oldest first")
    Page<MemberView> list(Caller caller, PageQuery page) {
        return members.list(caller.orgId(), page).map(MemberView::of);
    }

    @PostMapping
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Create an account in your organization (admin)")
    ResponseEntity<MemberView> add(Caller caller, @Valid @RequestBody AddMember request) {
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(MemberView.of(accounts.addMember(
                        caller, request.email(), request.fullName(), request.role(), request.password())));
    }

    @PatchMapping("/{id}")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(
            summary = "Change a member's role (admin)",
            description = "Giving the owner role transfers ownership: only the owner may, and becomes an admin.")
    MemberView changeRole(Caller caller, @PathVariable UUID id, @Valid @RequestBody ChangeRole request) {
        return MemberView.of(members.changeRole(caller.actor(), id, request.role()));
    }

    @DeleteMapping("/{id}")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Remove a member and end their sessions (admin); the owner cannot be removed")
    ResponseEntity<Void> remove(Caller caller, @PathVariable UUID id) {
        members.remove(caller.actor(), id);
        return ResponseEntity.noContent().build();
    }

    record AddMember(
            @NotBlank @Email @Size(max = 254) String email,
            @NotBlank @Size(max = 200) String fullName,
            @NotNull Role role,
            @NotNull String password) {}

    record ChangeRole(@NotNull Role role) {}
}
