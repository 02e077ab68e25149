package io.datamind.secrets;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Secrets as base64 of at least 32 random bytes ({@code openssl rand -base64 32}).
 *
 * @param previousMasterKeys master keys from before a rotation (base64, comma-separated in the environment), kept
 *     only so stored credentials can still be decrypted and re-encrypted under the current key
 * @param generateMissing generate and store missing keys in the data directory (the embedded default); the prod
 *     profile turns it off so a missing key stops the start instead
 */
@ConfigurationProperties("datamind.secrets")
record SecretsProperties(
        String jwtAccessKey,
        String jwtRefreshKey,
        String masterKey,
        List<String> previousMasterKeys,
        @DefaultValue("true") boolean generateMissing) {}
