package io.datamind.auth;

import io.datamind.common.ApiException;
import io.datamind.org.Member;
import io.datamind.org.Members;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.stereotype.Service;

/**
 * Sessions: one refresh-token family per sign-in. Refreshing rotates the refresh token; presenting a spent one
 * again revokes the family, except within a short grace window after its rotation, where it gets a fresh pair of
 * the same family so that two tabs refreshing at once do not sign the user out.
 */
@Service
class Sessions {

    private static final Logger log = LoggerFactory.getLogger(Sessions.class);
    private static final Duration CLEAN_UP_EVERY = Duration.ofHours(1);

    private final Tokens tokens;
    private final SessionRepository repository;
    private final RevocationStore revocations;
    private final Members members;
    private final ApplicationEventPublisher events;
    private final Duration reuseGrace;
    private final Clock clock = Clock.systemUTC();
    private final AtomicReference<Instant> lastCleanUp = new AtomicReference<>(Instant.EPOCH);

    Sessions(
            Tokens tokens,
            SessionRepository repository,
            RevocationStore revocations,
            Members members,
            ApplicationEventPublisher events,
            SecurityProperties properties) {
        this.tokens = tokens;
        this.repository = repository;
        this.revocations = revocations;
        this.members = members;
        this.events = events;
        this.reuseGrace = properties.refreshReuseGrace();
    }

    TokenPair start(Member member) {
        Instant now = now();
        cleanUpNowAndThen(now);
        UUID family = UUID.randomUUID();
        repository.insertFamily(family, member.orgId(), member.id(), now);
        return issuePair(member, family, now);
    }

    /** Exchanges a refresh token for a new pair; 401 for anything but a live (or just-rotated) token. */
    TokenPair refresh(String refreshToken) {
        Jwt jwt;
        try {
            jwt = tokens.decodeRefresh(refreshToken);
        } catch (JwtException e) {
            throw unauthorized("The refresh token is invalid or expired");
        }
        String hash = hash(refreshToken);
        SessionRepository.StoredRefreshToken stored =
                repository.findRefreshToken(hash).orElseThrow(() -> unauthorized("The refresh token is not known"));
        if (stored.familyRevokedAt() != null) {
            throw unauthorized("The session has ended");
        }
        Instant now = now();
        if (repository.markSpent(hash, now) == 0) {
            Instant spentAt = repository
                    .findRefreshToken(hash)
                    .map(SessionRepository.StoredRefreshToken::spentAt)
                    .orElse(null);
            boolean racing = spentAt != null && !now.isAfter(spentAt.plus(reuseGrace));
            if (!racing) {
                revocations.revokeFamily(stored.familyId(), "refresh_reuse");
                log.warn(
                        "Spent refresh token reused for user {}: session {} revoked",
                        stored.userId(),
                        stored.familyId());
                events.publishEvent(new RefreshTokenReuseDetected(stored.orgId(), stored.userId(), stored.familyId()));
                throw unauthorized("The refresh token was already used; the session has been ended");
            }
        }
        Optional<Member> member = members.findIdentity(stored.userId())
                .filter(current -> current.orgId().equals(stored.orgId()));
        if (member.isEmpty()) {
            revocations.revokeFamily(stored.familyId(), "account_removed");
            throw unauthorized("The account no longer exists");
        }
        return issuePair(member.get(), stored.familyId(), now);
    }

    /**
     * Ends what the given tokens prove: the access token itself and its session, and the refresh token's session.
     * Tokens that are missing, forged or expired are ignored. Returns the session owner, if any token was valid.
     */
    Optional<Jwt> logout(String accessToken, String refreshToken) {
        Optional<Jwt> access = decode(accessToken, true);
        access.ifPresent(jwt -> {
            revocations.revokeToken(
                    UUID.fromString(jwt.getId()),
                    UUID.fromString(jwt.getClaimAsString(Tokens.ORG_ID)),
                    UUID.fromString(jwt.getSubject()),
                    jwt.getExpiresAt());
            revocations.revokeFamily(UUID.fromString(jwt.getClaimAsString(Tokens.SESSION_ID)), "logout");
        });
        Optional<Jwt> refresh = decode(refreshToken, false);
        refresh.ifPresent(
                jwt -> revocations.revokeFamily(UUID.fromString(jwt.getClaimAsString(Tokens.SESSION_ID)), "logout"));
        return access.or(() -> refresh);
    }

    /** Ends every session of the user but {@code keep}; returns how many ended. */
    int endOtherSessions(UUID userId, UUID keep, String reason) {
        return revocations.revokeFamiliesOf(userId, keep, reason);
    }

    private Optional<Jwt> decode(String token, boolean access) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(access ? tokens.decodeAccessForLogout(token) : tokens.decodeRefresh(token));
        } catch (JwtException e) {
            return Optional.empty();
        }
    }

    /** At most once an hour per instance, piggy-backed on sign-ins, so no scheduler is needed. */
    private void cleanUpNowAndThen(Instant now) {
        Instant last = lastCleanUp.get();
        if (now.isBefore(last.plus(CLEAN_UP_EVERY)) || !lastCleanUp.compareAndSet(last, now)) {
            return;
        }
        try {
            int deleted = repository.deleteExpired(now, now.minus(Duration.ofDays(1)));
            log.debug("Deleted {} expired session rows", deleted);
        } catch (RuntimeException e) {
            log.warn("Could not delete expired session rows: {}", e.toString());
        }
    }

    private TokenPair issuePair(Member member, UUID family, Instant now) {
        Tokens.IssuedToken access = tokens.issue(Tokens.ACCESS, member, family, now);
        Tokens.IssuedToken refresh = tokens.issue(Tokens.REFRESH, member, family, now);
        repository.insertRefreshToken(
                hash(refresh.value()), family, member.orgId(), member.id(), now, refresh.expiresAt());
        return new TokenPair(member, family, access, refresh);
    }

    static String hash(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ApiException unauthorized(String detail) {
        return new ApiException(HttpStatus.UNAUTHORIZED, "Unauthorized", detail);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }

    /** A freshly issued access and refresh token of one session. */
    record TokenPair(Member member, UUID sessionId, Tokens.IssuedToken access, Tokens.IssuedToken refresh) {}
}
