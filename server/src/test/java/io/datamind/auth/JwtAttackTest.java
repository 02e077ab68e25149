package io.datamind.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.datamind.secrets.AppSecrets;
import io.datamind.support.HttpApi;
import io.datamind.support.IntegrationTest;
import io.datamind.support.TestAccounts;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Every known way to slip a forged, stale or misused token past a JWT verifier: all must give 401. */
@IntegrationTest
class JwtAttackTest {

    @LocalServerPort
    int port;

    @Autowired
    AppSecrets secrets;

    HttpApi api;
    TestAccounts.Account owner;
    TestAccounts.TokenPair tokens;

    @BeforeEach
    void signIn() {
        api = new HttpApi(port);
        owner = TestAccounts.registerOwner(api);
        tokens = TestAccounts.token(api, owner);
    }

    @Test
    void aCorrectlySignedHandMadeTokenIsAccepted_soTheRefusalsBelowAreForTheAttackAlone() {
        String token = JwtForge.hs256(JwtForge.header("HS256"), claims(), secrets.jwtAccessKey());
        assertThat(me(token)).isEqualTo(200);
        assertThat(me(tokens.accessToken())).isEqualTo(200);
    }

    @Test
    void algNoneInAnySpellingIsRefused() {
        for (String alg : List.of("none", "None", "NONE", "nOnE")) {
            assertThat(me(JwtForge.unsigned(JwtForge.header(alg), claims())))
                    .as(alg)
                    .isEqualTo(401);
        }
    }

    @Test
    void strippedSignatureIsRefused() {
        String[] parts = tokens.accessToken().split("\\.");
        assertThat(me(parts[0] + "." + parts[1] + ".")).isEqualTo(401);
        assertThat(me(parts[0] + "." + parts[1])).isEqualTo(401);
        String noneHeader = JwtForge.encode(JwtForge.header("none"));
        assertThat(me(noneHeader + "." + parts[1] + ".")).isEqualTo(401);
    }

    @Test
    void hs256WithAnotherKeyIsRefused() {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        assertThat(me(JwtForge.hs256(JwtForge.header("HS256"), claims(), random)))
                .isEqualTo(401);
        // The refresh key is real key material of this server, but not the access key.
        assertThat(me(JwtForge.hs256(JwtForge.header("HS256"), claims(), secrets.jwtRefreshKey())))
                .isEqualTo(401);
        // Guessable "public" material: empty key, the issuer name, a default secret.
        for (String guess : List.of("", "datamind", "secret", "changeme")) {
            assertThat(me(JwtForge.hs256(JwtForge.header("HS256"), claims(), guess.getBytes(StandardCharsets.UTF_8))))
                    .as(guess)
                    .isEqualTo(401);
        }
    }

    @Test
    void otherAlgorithmsAreRefusedEvenWithTheRightKey() {
        assertThat(me(JwtForge.hs512(JwtForge.header("HS512"), claims(), secrets.jwtAccessKey())))
                .isEqualTo(401);
    }

    @Test
    void rs256SignedTokenIsRefused() throws JOSEException {
        RSAKey rsa = new RSAKeyGenerator(2048).keyID("attacker").generate();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer("datamind")
                .audience("datamind")
                .subject(owner.userId().toString())
                .jwtID(UUID.randomUUID().toString())
                .issueTime(new Date())
                .notBeforeTime(new Date())
                .expirationTime(Date.from(Instant.now().plusSeconds(600)))
                .claim("org_id", owner.orgId().toString())
                .claim("role", "owner")
                .claim("typ", "access")
                .claim("sid", UUID.randomUUID().toString())
                .build();
        // With the public key embedded (jwk) and without.
        for (JWSHeader header : List.of(
                new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("attacker").build(),
                new JWSHeader.Builder(JWSAlgorithm.RS256).jwk(rsa.toPublicJWK()).build())) {
            SignedJWT jwt = new SignedJWT(header, claims);
            jwt.sign(new RSASSASigner(rsa));
            assertThat(me(jwt.serialize())).isEqualTo(401);
        }
    }

    @Test
    void tamperedClaimsAreRefused() {
        TestAccounts.Account viewer = TestAccounts.addMember(api, tokens.accessToken(), owner.orgId(), "viewer");
        String viewerToken = TestAccounts.token(api, viewer).accessToken();
        String[] parts = viewerToken.split("\\.");
        Map<String, Object> claims = JwtForge.claimsOf(viewerToken);
        List<Map.Entry<String, Object>> tampers = List.of(
                Map.entry("role", "owner"),
                Map.entry("sub", UUID.randomUUID().toString()),
                Map.entry("org_id", UUID.randomUUID().toString()),
                Map.entry("exp", Instant.now().plusSeconds(86_400).getEpochSecond()));
        for (Map.Entry<String, Object> tamper : tampers) {
            Map<String, Object> changed = new java.util.LinkedHashMap<>(claims);
            changed.put(tamper.getKey(), tamper.getValue());
            assertThat(me(parts[0] + "." + JwtForge.encode(changed) + "." + parts[2]))
                    .as(tamper.getKey())
                    .isEqualTo(401);
        }
    }

    @Test
    void expiredTokenIsRefused() {
        Map<String, Object> claims = claims();
        long past = Instant.now().minusSeconds(3600).getEpochSecond();
        claims.put("iat", past - 900);
        claims.put("nbf", past - 900);
        claims.put("exp", past);
        assertThat(me(sign(claims))).isEqualTo(401);
    }

    @Test
    void notYetValidTokenIsRefused() {
        Map<String, Object> claims = claims();
        claims.put("nbf", Instant.now().plusSeconds(3600).getEpochSecond());
        assertThat(me(sign(claims))).isEqualTo(401);
        Map<String, Object> issuedInFuture = claims();
        issuedInFuture.put("iat", Instant.now().plusSeconds(3600).getEpochSecond());
        assertThat(me(sign(issuedInFuture))).isEqualTo(401);
    }

    @Test
    void wrongIssuerOrAudienceIsRefused() {
        Map<String, Object> issuer = claims();
        issuer.put("iss", "https://evil.example");
        assertThat(me(sign(issuer))).isEqualTo(401);
        Map<String, Object> audience = claims();
        audience.put("aud", List.of("another-service"));
        assertThat(me(sign(audience))).isEqualTo(401);
    }

    @Test
    void missingOrMalformedClaimsAreRefused() {
        for (String claim : List.of("sub", "jti", "org_id", "role", "typ", "sid", "iat", "exp", "iss", "aud")) {
            Map<String, Object> claims = claims();
            claims.remove(claim);
            assertThat(me(sign(claims))).as("without " + claim).isEqualTo(401);
        }
        Map<String, Object> badRole = claims();
        badRole.put("role", "superuser");
        assertThat(me(sign(badRole))).isEqualTo(401);
        Map<String, Object> badSub = claims();
        badSub.put("sub", "1 OR 1=1");
        assertThat(me(sign(badSub))).isEqualTo(401);
    }

    @Test
    void tokenOfAnotherOrganizationsUserIsRefused() {
        TestAccounts.Account other = TestAccounts.registerOwner(api);
        Map<String, Object> claims = claims();
        claims.put("org_id", other.orgId().toString());
        assertThat(me(sign(claims))).isEqualTo(401);
    }

    @Test
    void refreshTokenIsNotAnAccessToken() {
        assertThat(me(tokens.refreshToken())).isEqualTo(401);
        // Even with typ=refresh signed with the access key, or typ=access signed with the refresh key.
        Map<String, Object> refreshTyped = claims();
        refreshTyped.put("typ", "refresh");
        assertThat(me(sign(refreshTyped))).isEqualTo(401);
        assertThat(me(JwtForge.hs256(JwtForge.header("HS256"), claims(), secrets.jwtRefreshKey())))
                .isEqualTo(401);
    }

    @Test
    void accessTokenIsNotARefreshToken() {
        assertThat(refresh(tokens.accessToken())).isEqualTo(401);
        Map<String, Object> accessTyped = JwtForge.claimsOf(tokens.refreshToken());
        accessTyped.put("typ", "access");
        assertThat(refresh(JwtForge.hs256(JwtForge.header("HS256"), accessTyped, secrets.jwtRefreshKey())))
                .isEqualTo(401);
        Map<String, Object> refreshClaims = JwtForge.claimsOf(tokens.refreshToken());
        assertThat(refresh(JwtForge.hs256(JwtForge.header("HS256"), refreshClaims, secrets.jwtAccessKey())))
                .isEqualTo(401);
    }

    @Test
    void tokenIsRevokedByLogout() {
        assertThat(me(tokens.accessToken())).isEqualTo(200);
        HttpApi.Response logout = api.request("POST", "/api/v1/auth/logout")
                .bearer(tokens.accessToken())
                .send();
        assertThat(logout.status()).isEqualTo(204);
        assertThat(me(tokens.accessToken())).isEqualTo(401);
        // The session is over: its refresh token is dead too.
        assertThat(refresh(tokens.refreshToken())).isEqualTo(401);
    }

    @Test
    void reusingASpentRefreshTokenRevokesTheWholeFamily() throws InterruptedException {
        HttpApi.Response rotated = api.request("POST", "/api/v1/auth/refresh")
                .json(Map.of("refreshToken", tokens.refreshToken()))
                .send();
        assertThat(rotated.status()).as(rotated.toString()).isEqualTo(200);
        String newAccess = rotated.json().get("accessToken").asString();
        String newRefresh = rotated.json().get("refreshToken").asString();
        assertThat(me(newAccess)).isEqualTo(200);

        Thread.sleep(2_500); // past the grace window for racing refreshes (2 s in tests)
        assertThat(refresh(tokens.refreshToken())).isEqualTo(401);

        assertThat(refresh(newRefresh)).isEqualTo(401);
        assertThat(me(newAccess)).isEqualTo(401);
        assertThat(me(tokens.accessToken())).isEqualTo(401);
    }

    @Test
    void kidHeaderInjectionChangesNothing() {
        for (String kid :
                List.of("../../../../../../dev/null", "' OR '1'='1", "http://evil.example/key", "0", "access")) {
            Map<String, Object> header = JwtForge.header("HS256");
            header.put("kid", kid);
            // Signed with what the injected kid would make a naive verifier use: an empty key, or the kid itself.
            assertThat(me(JwtForge.hs256(header, claims(), new byte[0])))
                    .as(kid)
                    .isEqualTo(401);
            assertThat(me(JwtForge.hs256(header, claims(), kid.getBytes(StandardCharsets.UTF_8))))
                    .as(kid)
                    .isEqualTo(401);
        }
        Map<String, Object> jku = JwtForge.header("HS256");
        jku.put("jku", "http://127.0.0.1:1/jwks.json");
        assertThat(me(JwtForge.hs256(jku, claims(), new byte[32]))).isEqualTo(401);
    }

    @Test
    void forgedTokensAreRefusedInTheCookieToo() {
        HttpApi.Browser browser = api.browser();
        browser.setCookie(AuthCookies.ACCESS, JwtForge.unsigned(JwtForge.header("none"), claims()), "/");
        assertThat(browser.request("GET", "/api/v1/me").send().status()).isEqualTo(401);
        browser.setCookie(AuthCookies.ACCESS, tokens.refreshToken(), "/");
        assertThat(browser.request("GET", "/api/v1/me").send().status()).isEqualTo(401);
        browser.setCookie(AuthCookies.ACCESS, tokens.accessToken(), "/");
        assertThat(browser.request("GET", "/api/v1/me").send().status()).isEqualTo(200);
    }

    @Test
    void refusalsAreProblemDetails() {
        HttpApi.Response response = api.request("GET", "/api/v1/me")
                .bearer(JwtForge.unsigned(JwtForge.header("none"), claims()))
                .send();
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.header("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(response.json().get("status").asInt()).isEqualTo(401);
        assertThat(response.header("WWW-Authenticate").orElseThrow()).startsWith("Bearer");
    }

    private Map<String, Object> claims() {
        return JwtForge.accessClaims(owner.userId(), owner.orgId(), "owner");
    }

    private String sign(Map<String, Object> claims) {
        return JwtForge.hs256(JwtForge.header("HS256"), claims, secrets.jwtAccessKey());
    }

    private int me(String token) {
        return api.request("GET", "/api/v1/me").bearer(token).send().status();
    }

    private int refresh(String refreshToken) {
        return api.request("POST", "/api/v1/auth/refresh")
                .json(Map.of("refreshToken", refreshToken))
                .send()
                .status();
    }
}
