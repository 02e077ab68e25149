package io.datamind.query.guard;

import java.util.ArrayList;
import java.util.List;

/** Quoting and splitting of SQL names, for every dialect's quote characters. */
final class Identifiers {

    private Identifiers() {}

    /** Removes one level of "", `` or [] quoting, undoing doubled quote characters inside. */
    static String unquote(String part) {
        if (part == null || part.length() < 2) {
            return part;
        }
        char first = part.charAt(0);
        char last = part.charAt(part.length() - 1);
        String inner = part.substring(1, part.length() - 1);
        if (first == '"' && last == '"') {
            return inner.replace("\"\"", "\"");
        }
        if (first == '`' && last == '`') {
            return inner.replace("``", "`");
        }
        if (first == '[' && last == ']') {
            return inner.replace("]]", "]");
        }
        return part;
    }

    /** Splits {@code a."b.c".d} at the dots outside quotes, unquoting each part. */
    static List<String> splitQualified(String qualified) {
        List<String> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        char closing = 0;
        for (int i = 0; i < qualified.length(); i++) {
            char c = qualified.charAt(i);
            if (closing != 0) {
                current.append(c);
                if (c == closing) {
                    closing = 0;
                }
            } else if (c == '.') {
                parts.add(unquote(current.toString().strip()));
                current.setLength(0);
            } else {
                if (c == '"' || c == '`') {
                    closing = c;
                } else if (c == '[') {
                    closing = ']';
                }
                current.append(c);
            }
        }
        parts.add(unquote(current.toString().strip()));
        if (parts.stream().anyMatch(String::isEmpty)) {
            throw new IllegalArgumentException("Not a qualified name: " + qualified);
        }
        return parts;
    }
}
