package io.datamind.datasource;

/** Character rules shared by the connection fields. */
final class FieldRules {

    static final int MAX_NAME = 100;
    static final int MAX_IDENTIFIER = 128;
    static final int MAX_PASSWORD = 1024;

    private FieldRules() {}

    /** Visible ASCII only: no space, no control character, nothing that could be a look-alike. */
    static boolean printableAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c <= 0x20 || c >= 0x7f) {
                return false;
            }
        }
        return true;
    }

    /** True when the text holds a control or invisible formatting character (NUL, newline, bidi overrides...). */
    static boolean hasControlOrFormat(String text) {
        return text.codePoints().anyMatch(cp -> {
            int kind = Character.getType(cp);
            return kind == Character.CONTROL
                    || kind == Character.FORMAT
                    || kind == Character.SURROGATE
                    || kind == Character.UNASSIGNED
                    || kind == Character.LINE_SEPARATOR
                    || kind == Character.PARAGRAPH_SEPARATOR;
        });
    }

    /**
     * Database and user names: ASCII letters, digits and {@code _ . $ -}. Nothing that means something in a JDBC URL
     * or a driver's own syntax ({@code / ? # & ; = % ( ) , @ : [ ]}, spaces, quotes).
     */
    static boolean identifier(String text) {
        if (text.isEmpty() || text.length() > MAX_IDENTIFIER || text.chars().allMatch(c -> c == '.')) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9')
                    || c == '_'
                    || c == '.'
                    || c == '$'
                    || c == '-';
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    static boolean blank(String text) {
        return text == null || text.isEmpty();
    }
}
