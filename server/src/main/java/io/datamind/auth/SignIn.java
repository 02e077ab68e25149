package io.datamind.auth;

import io.datamind.common.ApiException;
import io.datamind.org.Emails;
import io.datamind.org.Member;
import io.datamind.org.Members;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.util.function.SingletonSupplier;

/**
 * Checks an email and password. An unknown email costs the same as a wrong password, and both get the same
 * answer: the unknown email is checked against a dummy hash of the same parameters, after the same queries.
 */
@Component
class SignIn {

    private final Members members;
    private final CredentialRepository credentials;
    private final PasswordEncoder passwordEncoder;
    private final LoginThrottle throttle;
    private final ApplicationEventPublisher events;
    /** A hash of a random password with the encoder's parameters, made once, by whichever caller comes first. */
    private final SingletonSupplier<String> dummyHash;

    SignIn(
            Members members,
            CredentialRepository credentials,
            PasswordEncoder passwordEncoder,
            LoginThrottle throttle,
            ApplicationEventPublisher events) {
        this.members = members;
        this.credentials = credentials;
        this.passwordEncoder = passwordEncoder;
        this.throttle = throttle;
        this.events = events;
        this.dummyHash = SingletonSupplier.of(
                () -> passwordEncoder.encode(UUID.randomUUID().toString()));
    }

    /**
     * Makes the dummy hash once the application is ready rather than at bean creation: an Argon2 hash on a cold JVM
     * costs a second or more of startup, and the first unknown email should still find it made.
     */
    @EventListener(ApplicationReadyEvent.class)
    void prepareDummyHashInBackground() {
        Thread thread = new Thread(dummyHash::get, "sign-in-dummy-hash");
        thread.setDaemon(true);
        thread.start();
    }

    /** The member with this email and password; 401 otherwise, 429 while this email and IP are being slowed down. */
    Member authenticate(String email, String password, String clientIp, String via) {
        String normalized = Emails.normalize(email);
        Optional<Duration> wait = throttle.waitFor(normalized, clientIp);
        if (wait.isPresent()) {
            Optional<Member> member = members.findForSignIn(normalized);
            events.publishEvent(new LoginFailed(
                    member.map(Member::orgId).orElse(null),
                    member.map(Member::id).orElse(null),
                    normalized,
                    "throttled"));
            throw new LoginThrottledException(wait.get());
        }
        Optional<Member> member = members.findForSignIn(normalized);
        // Query for a hash either way, so both paths make the same round trips.
        UUID lookup = member.map(Member::id).orElseGet(UUID::randomUUID);
        Optional<String> storedHash = credentials.passwordHash(lookup);
        String hash = storedHash.orElseGet(dummyHash::get);
        boolean matches = passwordEncoder.matches(password, hash);
        if (!matches || member.isEmpty() || storedHash.isEmpty()) {
            throttle.failed(normalized, clientIp);
            events.publishEvent(new LoginFailed(
                    member.map(Member::orgId).orElse(null),
                    member.map(Member::id).orElse(null),
                    normalized,
                    "bad_credentials"));
            throw new ApiException(HttpStatus.UNAUTHORIZED, "Unauthorized", "Invalid email or password");
        }
        throttle.succeeded(normalized, clientIp);
        Member signedIn = member.get();
        if (passwordEncoder.upgradeEncoding(hash)) {
            credentials.updatePasswordHash(
                    signedIn.orgId(), signedIn.id(), passwordEncoder.encode(password), Instant.now());
        }
        events.publishEvent(new LoginSucceeded(signedIn.orgId(), signedIn.id(), signedIn.email(), via));
        return signedIn;
    }

    /** Whether the password is the member's current one (for a password change). */
    boolean verify(Member member, String password) {
        Optional<String> storedHash = credentials.passwordHash(member.id());
        String hash = storedHash.orElseGet(dummyHash::get);
        return passwordEncoder.matches(password, hash) && storedHash.isPresent();
    }
}
