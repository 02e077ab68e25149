package io.datamind.offline;

import io.datamind.offline.text.EnglishWords;
import io.datamind.offline.text.PluralFolding;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Word-level normalization shared by the question side and the schema side, so both fold the same way. */
final class Words {

    private Words() {}

    /** Function words: they carry no schema meaning and never need to be linked. */
    static final Set<String> STOPWORDS = EnglishWords.union(
            EnglishWords.FUNCTION_WORDS,
            "onto",
            "done",
            "having",
            "theirs",
            "hers",
            "'s",
            "here",
            "among",
            "amongst",
            "across",
            "within",
            "yet",
            "whereas",
            "although",
            "though");

    /**
     * Generic words of a request that may also name schema things ("details", "value"): linked when the schema
     * has them, harmless when it does not.
     */
    static final Set<String> FILLER = set(
            "please",
            "list",
            "show",
            "give",
            "find",
            "return",
            "tell",
            "display",
            "get",
            "provide",
            "report",
            "retrieve",
            "fetch",
            "identify",
            "see",
            "know",
            "want",
            "need",
            "information",
            "info",
            "detail",
            "details",
            "record",
            "records",
            "entry",
            "entries",
            "data",
            "value",
            "values",
            "thing",
            "things",
            "one",
            "ones",
            "whole",
            "entire",
            "overall",
            "existing",
            "exist",
            "exists",
            "currently",
            "current",
            "ever",
            "including",
            "include",
            "includes",
            "included",
            "together",
            "along",
            "respectively",
            "corresponding",
            "correspond",
            "regarding",
            "well",
            "also",
            "out",
            "up",
            "there",
            "listed",
            "shown",
            "given",
            "found",
            "known",
            "available",
            "stored",
            "registered",
            "recorded",
            "respective",
            "different",
            "distinct",
            "unique",
            "various",
            "all",
            "total",
            "compute",
            "calculate",
            "determine",
            "please",
            "everything");

    private static final Map<String, String> IRREGULAR_PLURALS = EnglishWords.union(
            EnglishWords.IRREGULAR_PLURALS,
            Map.entry("persons", "person"),
            Map.entry("phenomena", "phenomenon"),
            Map.entry("vertices", "vertex"),
            Map.entry("theses", "thesis"),
            Map.entry("crises", "crisis"),
            Map.entry("diagnoses", "diagnosis"),
            Map.entry("wives", "wife"),
            Map.entry("knives", "knife"),
            Map.entry("lives", "life"),
            Map.entry("leaves", "leaf"),
            Map.entry("halves", "half"),
            Map.entry("shelves", "shelf"),
            Map.entry("wolves", "wolf"),
            Map.entry("thieves", "thief"),
            Map.entry("calves", "calf"),
            Map.entry("loaves", "loaf"),
            Map.entry("movies", "movie"),
            Map.entry("cookies", "cookie"),
            Map.entry("series", "series"),
            Map.entry("species", "species"),
            Map.entry("aircraft", "aircraft"),
            Map.entry("sheep", "sheep"),
            Map.entry("fish", "fish"),
            Map.entry("staff", "staff"),
            Map.entry("media", "medium"),
            Map.entry("alumni", "alumnus"),
            Map.entry("courses", "course"),
            Map.entry("houses", "house"),
            Map.entry("horses", "horse"),
            Map.entry("purchases", "purchase"),
            Map.entry("cases", "case"),
            Map.entry("bases", "base"),
            Map.entry("databases", "database"),
            Map.entry("licenses", "license"),
            Map.entry("responses", "response"),
            Map.entry("expenses", "expense"),
            Map.entry("phases", "phase"),
            Map.entry("releases", "release"),
            Map.entry("warehouses", "warehouse"),
            Map.entry("buses", "bus"),
            Map.entry("classes", "class"),
            Map.entry("businesses", "business"),
            Map.entry("heroes", "hero"),
            Map.entry("potatoes", "potato"),
            Map.entry("tomatoes", "tomato"),
            Map.entry("quizzes", "quiz"));

    /** Words ending in s that are not plurals. */
    private static final Set<String> NOT_PLURAL = set(
            "news",
            "means",
            "physics",
            "mathematics",
            "economics",
            "politics",
            "statistics",
            "athletics",
            "gas",
            "yes",
            "this",
            "his",
            "its",
            "has",
            "was",
            "is",
            "does",
            "as",
            "us",
            "plus",
            "status",
            "bonus",
            "campus",
            "census",
            "virus",
            "analysis",
            "basis",
            "axis",
            "thesis",
            "chassis",
            "alias",
            "canvas",
            "atlas",
            "lens",
            "iris",
            "tennis",
            "always",
            "perhaps",
            "whereas",
            "sometimes",
            "towards",
            "across",
            "less",
            "unless",
            "series",
            "species",
            "previous",
            "various",
            "famous",
            "serious",
            "numerous",
            "gross",
            "class",
            "address",
            "business",
            "process",
            "access",
            "success",
            "loss",
            "boss",
            "glass",
            "mass",
            "pass",
            "cross",
            "dress",
            "express",
            "wireless",
            "mrs",
            "ms",
            "us",
            "sales",
            "goods",
            "earnings",
            "savings",
            "thanks",
            "diabetes",
            "billiards",
            "afterwards",
            "kudos",
            "chaos");

    /** Keeps "sizes" → "size": the engine compares singulars without stemming, so "zes" must not lose its e. */
    private static final PluralFolding PLURALS = new PluralFolding(IRREGULAR_PLURALS, NOT_PLURAL, "zzes");

    /** A set from a word list that may repeat words. */
    static Set<String> set(String... words) {
        return EnglishWords.set(words);
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }

    /** Folds a lowercase word to its singular form: cities to city, addresses to address, people to person. */
    static String singular(String w) {
        return PLURALS.singular(w);
    }

    /** A coarser key than {@link #singular}: the Porter stem of the singular. */
    static String root(String w) {
        return PorterStemmer.stem(singular(w));
    }

    /**
     * Splits a schema identifier into lowercase words: {@code Order_ship_date} gives order, ship, date;
     * {@code CustomerName} gives customer, name; {@code HTMLParser2} gives html, parser, 2.
     */
    static List<String> splitIdentifier(String name) {
        List<String> out = new ArrayList<>();
        for (String part : name.split("[^A-Za-z0-9]+")) {
            if (part.isEmpty()) {
                continue;
            }
            int start = 0;
            for (int i = 1; i < part.length(); i++) {
                char prev = part.charAt(i - 1);
                char c = part.charAt(i);
                boolean boundary = (Character.isLowerCase(prev) && Character.isUpperCase(c))
                        || (Character.isLetter(prev) && Character.isDigit(c))
                        || (Character.isDigit(prev) && Character.isLetter(c))
                        || (Character.isUpperCase(prev)
                                && Character.isUpperCase(c)
                                && i + 1 < part.length()
                                && Character.isLowerCase(part.charAt(i + 1)));
                if (boundary) {
                    out.add(lower(part.substring(start, i)));
                    start = i;
                }
            }
            out.add(lower(part.substring(start)));
        }
        return out;
    }

    static boolean isNumber(String s) {
        return s.matches("-?\\d+(\\.\\d+)?");
    }
}
