package io.datamind.linking;

import io.datamind.offline.text.EnglishWords;
import io.datamind.offline.text.PluralFolding;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Word folding shared by schema names and questions, so both sides meet in the same form: identifiers split at
 * underscores, digits and camelCase; lower case; plural to singular; a light suffix stemming ("ordered", "ordering"
 * and "orders" all become "order").
 */
final class Words {

    /**
     * Function words plus question scaffolding and quantity words: they name nothing in a schema. Unlike the
     * offline engine, linking also drops request verbs ("show", "list") and comparatives, which only add noise to
     * lexical scores.
     */
    static final Set<String> STOP = EnglishWords.union(
            EnglishWords.FUNCTION_WORDS,
            "why",
            "t",
            "not",
            "no",
            "nor",
            "show",
            "list",
            "give",
            "find",
            "tell",
            "return",
            "display",
            "get",
            "let",
            "know",
            "want",
            "see",
            "please",
            "many",
            "much",
            "more",
            "most",
            "less",
            "least",
            "other",
            "others",
            "same",
            "different",
            "own",
            "one",
            "ones",
            "up",
            "out",
            "off",
            "down",
            "under",
            "after",
            "before",
            "between",
            "during",
            "very",
            "themselves",
            "itself");

    /** No not-plural list: {@link #term} stems after folding, so "sizes" → "siz" still meets "size" → "siz". */
    private static final PluralFolding PLURALS = new PluralFolding(EnglishWords.IRREGULAR_PLURALS, Set.of(), "zes");

    private Words() {}

    /** The words of an identifier: {@code OrderLineItems}, {@code order_line_items} → order, line, items. */
    static List<String> ofName(String identifier) {
        List<String> words = new ArrayList<>();
        if (identifier == null) {
            return words;
        }
        StringBuilder word = new StringBuilder();
        int n = identifier.length();
        for (int i = 0; i < n; i++) {
            char c = identifier.charAt(i);
            if (!Character.isLetter(c)) {
                flush(word, words);
                continue;
            }
            boolean upper = Character.isUpperCase(c);
            if (upper && word.length() > 0) {
                char prev = identifier.charAt(i - 1);
                boolean nextLower = i + 1 < n && Character.isLowerCase(identifier.charAt(i + 1));
                // orderId → order|Id, HTTPServer → HTTP|Server
                if (Character.isLowerCase(prev) || (Character.isUpperCase(prev) && nextLower)) {
                    flush(word, words);
                }
            }
            word.append(Character.toLowerCase(c));
        }
        flush(word, words);
        return words;
    }

    /** The words of free text (a question, a comment, a value), lower case, digits kept as words. */
    static List<String> ofText(String text) {
        List<String> words = new ArrayList<>();
        if (text == null) {
            return words;
        }
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                word.append(Character.toLowerCase(c));
            } else {
                flush(word, words);
            }
        }
        flush(word, words);
        return words;
    }

    /** Text words that can name something: no function words, no numbers. */
    static List<String> meaningful(List<String> words) {
        List<String> kept = new ArrayList<>();
        for (String w : words) {
            if (!STOP.contains(w) && !w.chars().allMatch(Character::isDigit)) {
                kept.add(w);
            }
        }
        return kept;
    }

    /** The folded form two words share when they mean the same schema thing. */
    static String term(String word) {
        return stem(singular(word.toLowerCase(Locale.ROOT)));
    }

    static String singular(String w) {
        return PLURALS.singular(w);
    }

    private static String stem(String w) {
        String s = w;
        if (s.endsWith("ing") && s.length() - 3 >= 4) {
            s = undouble(s.substring(0, s.length() - 3));
        } else if (s.endsWith("ed") && s.length() - 2 >= 4) {
            s = undouble(s.substring(0, s.length() - 2));
        } else if (s.endsWith("ation") && s.length() - 5 >= 3) {
            s = s.substring(0, s.length() - 5) + "at";
        } else if (s.endsWith("ment") && s.length() - 4 >= 4) {
            s = s.substring(0, s.length() - 4);
        } else if (s.endsWith("ly") && s.length() - 2 >= 4) {
            s = s.substring(0, s.length() - 2);
        }
        if (s.length() > 3 && s.endsWith("e")) {
            s = s.substring(0, s.length() - 1);
        }
        if (s.length() > 2 && s.endsWith("y")) {
            s = s.substring(0, s.length() - 1) + "i";
        }
        return s;
    }

    // shipped → shipp → ship; but enroll, class and buzz keep their double letter.
    private static String undouble(String s) {
        int n = s.length();
        if (n >= 2
                && s.charAt(n - 1) == s.charAt(n - 2)
                && "lsz".indexOf(s.charAt(n - 1)) < 0
                && "aeiou".indexOf(s.charAt(n - 1)) < 0) {
            return s.substring(0, n - 1);
        }
        return s;
    }

    private static void flush(StringBuilder word, List<String> words) {
        if (word.length() > 0) {
            words.add(word.toString());
            word.setLength(0);
        }
    }
}
