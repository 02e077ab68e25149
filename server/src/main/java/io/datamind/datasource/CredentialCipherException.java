package io.datamind.datasource;

/**
 * A stored credential could not be decrypted: altered, moved to another record, or encrypted under a key this server
 * does not have. A server-side fault (the caller cannot fix it), so it is not an {@code ApiException}.
 */
public class CredentialCipherException extends RuntimeException {

    CredentialCipherException(String message) {
        super(message);
    }

    CredentialCipherException(String message, Throwable cause) {
        super(message, cause);
    }
}
