package io.datamind.auth;

import io.datamind.support.HttpApi;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Builds JWTs by hand, to attack the server with tokens no library would produce. */
final class JwtForge {

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private JwtForge() {}

    /** Claims a genuine access token of this user would carry. */
    static Map<String, Object> accessClaims(UUID userId, UUID orgId, String role) {
        long now = Instant.now().getEpochSecond();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", "datamind");
        claims.put("aud", List.of("datamind"));
        claims.put("sub", userId.toString());
        claims.put("jti", UUID.randomUUID().toString());
        claims.put("iat", now);
        claims.put("nbf", now);
        claims.put("exp", now + 600);
        claims.put("org_id", orgId.toString());
        claims.put("role", role);
        claims.put("typ", "access");
        claims.put("sid", UUID.randomUUID().toString());
        return claims;
    }

    static Map<String, Object> header(String alg) {
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("alg", alg);
        header.put("typ", "JWT");
        return header;
    }

    static String hs256(Map<String, Object> header, Map<String, Object> claims, byte[] key) {
        String signingInput = encode(header) + "." + encode(claims);
        return signingInput + "." + B64.encodeToString(hmac("HmacSHA256", key, signingInput));
    }

    static String hs512(Map<String, Object> header, Map<String, Object> claims, byte[] key) {
        String signingInput = encode(header) + "." + encode(claims);
        return signingInput + "." + B64.encodeToString(hmac("HmacSHA512", key, signingInput));
    }

    static String unsigned(Map<String, Object> header, Map<String, Object> claims) {
        return encode(header) + "." + encode(claims) + ".";
    }

    static String encode(Map<String, Object> json) {
        return B64.encodeToString(HttpApi.JSON.writeValueAsString(json).getBytes(StandardCharsets.UTF_8));
    }

    /** The claims of a token, decoded without any verification. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> claimsOf(String token) {
        String payload = token.split("\\.")[1];
        return HttpApi.JSON.readValue(Base64.getUrlDecoder().decode(payload), LinkedHashMap.class);
    }

    private static byte[] hmac(String algorithm, byte[] key, String input) {
        try {
            Mac mac = Mac.getInstance(algorithm);
            // A zero-length key is refused by SecretKeySpec; an attacker would try it anyway via a single byte.
            mac.init(new SecretKeySpec(key.length == 0 ? new byte[1] : key, algorithm));
            return mac.doFinal(input.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
