package io.datamind.auth;

import io.datamind.auth.AccountViews.AccountView;
import io.datamind.auth.AccountViews.OrgView;
import io.datamind.auth.AccountViews.UserView;
import io.datamind.org.Members;
import io.datamind.org.Organizations;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/me")
@Tag(name = "Me")
class MeController {

    private final Members members;
    private final Organizations organizations;
    private final Accounts accounts;

    MeController(Members members, Organizations organizations, Accounts accounts) {
        this.members = members;
        this.organizations = organizations;
        this.accounts = accounts;
    }

    @GetMapping
    @Operation(summary = "The signed-in user and their organization")
    AccountView me(Caller caller) {
        return new AccountView(
                UserView.of(members.get(caller.orgId(), caller.userId())),
                OrgView.of(organizations.get(caller.orgId())));
    }

    @PostMapping("/password")
    @Operation(summary = "Change your password; your other sessions end")
    ResponseEntity<Void> changePassword(
            Caller caller, Authentication authentication, @Valid @RequestBody PasswordChange request) {
        accounts.changePassword(
                caller,
                ((CallerAuthentication) authentication).sessionId(),
                request.currentPassword(),
                request.newPassword());
        return ResponseEntity.noContent().build();
    }

    record PasswordChange(
            @NotNull String currentPassword, @NotNull String newPassword) {}
}
