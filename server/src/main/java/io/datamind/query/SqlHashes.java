package io.datamind.query;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The SHA-256 of a query's text: audit entries and cache keys name a query by it, never by the SQL itself. */
public final class SqlHashes {

    private SqlHashes() {}

    /** Lower-case hex of the SHA-256 of the UTF-8 text. */
    public static String sha256(String sql) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(sql.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
