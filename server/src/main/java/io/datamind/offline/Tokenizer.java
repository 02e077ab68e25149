package io.datamind.offline;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Splits a question into words, numbers, quoted values and punctuation. */
final class Tokenizer {

    private static final Pattern TOKEN = Pattern.compile(
            "\"([^\"]+)\"|\u201c([^\u201d]+)\u201d|(?<![\\w])'([^']+)'(?![\\w])|\u2018([^\u2019]+)\u2019"
                    + "|(\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?)(%?)"
                    + "|([A-Za-z\u00C0-\u024F][A-Za-z\u00C0-\u024F0-9]*(?:'[A-Za-z]+)?)"
                    + "|(>=|<=|!=|<>|[<>=%,;?!.:()/&+-])");

    private Tokenizer() {}

    static List<Token> tokenize(String question) {
        List<Token> tokens = new ArrayList<>();
        Matcher m = TOKEN.matcher(question);
        while (m.find()) {
            String quoted = firstNonNull(m.group(1), m.group(2), m.group(3), m.group(4));
            if (quoted != null) {
                String v = quoted.strip();
                tokens.add(new Token(
                        tokens.size(), v, Words.lower(v), Words.lower(v), Words.lower(v), Token.Kind.QUOTED, true));
            } else if (m.group(5) != null) {
                String n = m.group(5).replace(",", "");
                tokens.add(new Token(tokens.size(), n, n, n, n, Token.Kind.NUMBER, false));
                if (!m.group(6).isEmpty()) {
                    tokens.add(punct(tokens.size(), "%"));
                }
            } else if (m.group(7) != null) {
                addWord(tokens, m.group(7), m.start(7) == 0 || isSentenceStart(question, m.start(7)));
            } else {
                tokens.add(punct(tokens.size(), m.group(8)));
            }
        }
        return tokens;
    }

    private static void addWord(List<Token> tokens, String raw, boolean sentenceStart) {
        String word = raw;
        String suffix = null;
        int apostrophe = raw.indexOf('\'');
        if (apostrophe > 0) {
            String tail = Words.lower(raw.substring(apostrophe + 1));
            word = raw.substring(0, apostrophe);
            if (tail.equals("s")) {
                suffix = "'s";
            } else if (tail.equals("t") && Words.lower(word).endsWith("n")) {
                // don't, doesn't, didn't, haven't: keep the verb, make the negation its own word.
                String verb = word.substring(0, word.length() - 1);
                word = Words.lower(verb).equals("ca")
                        ? "can"
                        : Words.lower(verb).equals("wo") ? "will" : verb;
                suffix = "not";
            } else {
                word = raw.replace("'", "");
            }
        }
        String lower = Words.lower(word);
        boolean capitalized = !sentenceStart && Character.isUpperCase(word.charAt(0));
        tokens.add(new Token(
                tokens.size(), word, lower, Words.singular(lower), Words.root(lower), Token.Kind.WORD, capitalized));
        if (suffix != null) {
            tokens.add(new Token(tokens.size(), suffix, suffix, suffix, suffix, Token.Kind.WORD, false));
        }
    }

    private static boolean isSentenceStart(String text, int at) {
        for (int i = at - 1; i >= 0; i--) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                continue;
            }
            return c == '.' || c == '?' || c == '!' || c == ':';
        }
        return true;
    }

    private static Token punct(int index, String p) {
        return new Token(index, p, p, p, p, Token.Kind.PUNCT, false);
    }

    private static String firstNonNull(String... values) {
        for (String v : values) {
            if (v != null) {
                return v;
            }
        }
        return null;
    }
}
