package io.datamind.secrets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads each secret from configuration; in the embedded default, a missing one is generated once and kept with
 * owner-only permissions in the data directory so sessions and encrypted credentials survive a restart.
 */
class SecretsLoader {

    static final int MIN_BYTES = 32;
    private static final Logger log = LoggerFactory.getLogger(SecretsLoader.class);
    private static final Set<String> KNOWN_DEFAULTS =
            Set.of("changeme", "change-me", "changeit", "secret", "password", "default", "datamind", "test", "example");

    private final SecretsProperties properties;
    private final Path secretsDir;
    private final SecureRandom random = new SecureRandom();

    SecretsLoader(SecretsProperties properties, Path dataDir) {
        this.properties = properties;
        this.secretsDir = dataDir.resolve("secrets");
    }

    AppSecrets load() {
        byte[] access = load("DATAMIND_JWT_ACCESS_KEY", properties.jwtAccessKey(), "jwt-access.key");
        byte[] refresh = load("DATAMIND_JWT_REFRESH_KEY", properties.jwtRefreshKey(), "jwt-refresh.key");
        byte[] master = load("DATAMIND_MASTER_KEY", properties.masterKey(), "master.key");
        if (Arrays.equals(access, refresh)) {
            throw new SecretProblem("DATAMIND_JWT_REFRESH_KEY", "must differ from DATAMIND_JWT_ACCESS_KEY");
        }
        if (master.length != MIN_BYTES) {
            throw new SecretProblem("DATAMIND_MASTER_KEY", "must be exactly 32 bytes (AES-256), base64-encoded");
        }
        return new AppSecrets(access, refresh, master, previousMasterKeys(master));
    }

    private Map<String, byte[]> previousMasterKeys(byte[] master) {
        Map<String, byte[]> previous = new LinkedHashMap<>();
        List<String> configured = properties.previousMasterKeys() == null ? List.of() : properties.previousMasterKeys();
        for (String value : configured) {
            if (value == null || value.isBlank()) {
                continue;
            }
            byte[] key = decode("DATAMIND_PREVIOUS_MASTER_KEYS", value.trim());
            if (key.length != MIN_BYTES) {
                throw new SecretProblem(
                        "DATAMIND_PREVIOUS_MASTER_KEYS",
                        "must list keys of exactly 32 bytes (AES-256), base64-encoded");
            }
            if (!Arrays.equals(key, master)) {
                previous.put(AppSecrets.keyId(key), key);
            }
        }
        return previous;
    }

    private byte[] load(String variable, String configured, String fileName) {
        if (configured != null && !configured.isBlank()) {
            return decode(variable, configured.trim());
        }
        if (!properties.generateMissing()) {
            throw new SecretProblem(variable, "is not set");
        }
        Path file = secretsDir.resolve(fileName);
        try {
            if (Files.exists(file)) {
                return decode(
                        variable,
                        Files.readString(file, StandardCharsets.US_ASCII).trim());
            }
            byte[] key = new byte[MIN_BYTES];
            random.nextBytes(key);
            write(file, Base64.getEncoder().encodeToString(key));
            log.warn(
                    "Generated {} and stored it in {}. Fine for a single embedded server; in production set {}"
                            + " and keep it safe.",
                    fileName,
                    file.toAbsolutePath(),
                    variable);
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or store " + file, e);
        }
    }

    static byte[] decode(String variable, String value) {
        if (KNOWN_DEFAULTS.contains(value.toLowerCase())) {
            throw new SecretProblem(variable, "is a known default value");
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(value);
        } catch (IllegalArgumentException e) {
            throw new SecretProblem(variable, "is not valid base64");
        }
        if (key.length < MIN_BYTES) {
            throw new SecretProblem(variable, "is too short: " + key.length + " bytes, at least 32 are needed");
        }
        if (distinctBytes(key) < 8) {
            throw new SecretProblem(variable, "is not random enough (a repeated or placeholder value)");
        }
        return key;
    }

    private static long distinctBytes(byte[] key) {
        boolean[] seen = new boolean[256];
        long count = 0;
        for (byte b : key) {
            if (!seen[b & 0xff]) {
                seen[b & 0xff] = true;
                count++;
            }
        }
        return count;
    }

    private void write(Path file, String content) throws IOException {
        boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        if (!Files.exists(secretsDir)) {
            Files.createDirectories(secretsDir);
            if (posix) {
                Files.setPosixFilePermissions(secretsDir, PosixFilePermissions.fromString("rwx------"));
            }
        }
        Path temp = Files.createTempFile(secretsDir, fileName(file), ".tmp");
        if (posix) {
            Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
        }
        Files.writeString(temp, content, StandardCharsets.US_ASCII, StandardOpenOption.TRUNCATE_EXISTING);
        Files.move(temp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    private static String fileName(Path file) {
        return file.getFileName().toString();
    }
}
