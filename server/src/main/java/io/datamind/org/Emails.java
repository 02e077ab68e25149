package io.datamind.org;

import java.util.Locale;

/** Emails are compared and stored trimmed and lower-cased. */
public final class Emails {

    private Emails() {}

    public static String normalize(String email) {
        return email == null ? null : email.trim().toLowerCase(Locale.ROOT);
    }
}
