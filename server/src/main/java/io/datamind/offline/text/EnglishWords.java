package io.datamind.offline.text;

import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The English word lists both the offline engine and schema linking start from. Each side adds its own words on
 * top (see their {@code Words} classes): the engine keeps request verbs as possible schema names, linking drops them.
 */
public final class EnglishWords {

    /** Function words common to both sides: they name nothing in a schema. */
    public static final Set<String> FUNCTION_WORDS = Set.of(
            "a", "an", "the", "of", "for", "in", "on", "at", "to", "by", "from", "with", "into", "as", "and", "or",
            "is", "are", "was", "were", "be", "been", "being", "am", "do", "does", "did", "have", "has", "had", "there",
            "their", "them", "they", "it", "its", "this", "that", "these", "those", "which", "what", "who", "whom",
            "whose", "where", "when", "how", "me", "my", "we", "our", "us", "you", "your", "i", "he", "she", "his",
            "her", "him", "all", "any", "each", "every", "some", "can", "could", "would", "will", "shall", "should",
            "may", "might", "must", "also", "too", "just", "only", "both", "either", "neither", "so", "if", "then",
            "than", "s", "about", "whether", "such", "per", "via", "over", "but", "while");

    /** Irregular plurals common to both sides, plural to singular. */
    public static final Map<String, String> IRREGULAR_PLURALS = Map.ofEntries(
            Map.entry("people", "person"),
            Map.entry("men", "man"),
            Map.entry("women", "woman"),
            Map.entry("children", "child"),
            Map.entry("feet", "foot"),
            Map.entry("teeth", "tooth"),
            Map.entry("mice", "mouse"),
            Map.entry("geese", "goose"),
            Map.entry("criteria", "criterion"),
            Map.entry("indices", "index"),
            Map.entry("matrices", "matrix"),
            Map.entry("analyses", "analysis"),
            Map.entry("statuses", "status"),
            Map.entry("addresses", "address"));

    private EnglishWords() {}

    /** A set from a word list that may repeat words. */
    public static Set<String> set(String... words) {
        return Set.copyOf(Arrays.asList(words));
    }

    /** {@code base} plus {@code more} (which may repeat words of {@code base}). */
    public static Set<String> union(Set<String> base, String... more) {
        Set<String> all = new HashSet<>(base);
        all.addAll(List.of(more));
        return Set.copyOf(all);
    }

    /** {@code base} plus {@code more}; an entry of {@code more} wins over the same key in {@code base}. */
    @SafeVarargs
    public static Map<String, String> union(Map<String, String> base, Map.Entry<String, String>... more) {
        Map<String, String> all = new HashMap<>(base);
        for (Map.Entry<String, String> e : more) {
            all.put(e.getKey(), e.getValue());
        }
        return Map.copyOf(all);
    }
}
