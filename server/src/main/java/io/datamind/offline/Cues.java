package io.datamind.offline;

import java.util.Map;
import java.util.Set;

/** The English words and phrases that carry query structure rather than schema meaning. */
final class Cues {

    private Cues() {}

    static final Set<String> DISTINCT = Words.set("different", "distinct", "unique", "individual");

    static final Set<String> ORDER_VERBS = Words.set(
            "order",
            "ordered",
            "ordering",
            "sort",
            "sorted",
            "sorting",
            "rank",
            "ranked",
            "arrange",
            "arranged",
            "organize",
            "organized",
            "organise",
            "organised");

    static final Set<String> ASCENDING = Words.set(
            "ascending",
            "asc",
            "increasing",
            "alphabetical",
            "alphabetically",
            "lexicographical",
            "lexicographically",
            "lexicographic",
            "chronological",
            "chronologically");

    static final Set<String> DESCENDING = Words.set("descending", "desc", "decreasing", "reverse", "reversed");

    /** Words that rank high first. */
    static final Set<String> HIGH = Words.set(
            "highest",
            "largest",
            "greatest",
            "biggest",
            "most",
            "maximum",
            "max",
            "top",
            "high",
            "large",
            "big",
            "great",
            "best",
            "many",
            "more");

    /** Words that rank low first. */
    static final Set<String> LOW = Words.set(
            "lowest",
            "smallest",
            "least",
            "fewest",
            "minimum",
            "min",
            "bottom",
            "low",
            "small",
            "few",
            "worst",
            "less",
            "fewer");

    static final Set<String> SUPERLATIVE_HIGH =
            Words.set("highest", "largest", "greatest", "biggest", "most", "maximum", "max", "top");

    static final Set<String> SUPERLATIVE_LOW = Words.set("lowest", "smallest", "least", "fewest", "minimum", "min");

    static final Map<String, Plan.Agg> AGGREGATES = Map.ofEntries(
            Map.entry("average", Plan.Agg.AVG),
            Map.entry("avg", Plan.Agg.AVG),
            Map.entry("mean", Plan.Agg.AVG),
            Map.entry("total", Plan.Agg.SUM),
            Map.entry("sum", Plan.Agg.SUM),
            Map.entry("combined", Plan.Agg.SUM),
            Map.entry("maximum", Plan.Agg.MAX),
            Map.entry("max", Plan.Agg.MAX),
            Map.entry("highest", Plan.Agg.MAX),
            Map.entry("largest", Plan.Agg.MAX),
            Map.entry("greatest", Plan.Agg.MAX),
            Map.entry("biggest", Plan.Agg.MAX),
            Map.entry("minimum", Plan.Agg.MIN),
            Map.entry("min", Plan.Agg.MIN),
            Map.entry("lowest", Plan.Agg.MIN),
            Map.entry("smallest", Plan.Agg.MIN));

    /** Negation words. */
    static final Set<String> NEGATIONS = Words.set("not", "never", "without", "no", "none", "neither", "nor");

    /** Words after which a value is excluded rather than required. */
    static final Set<String> EXCLUDING = Words.set("except", "excluding", "besides", "excepting");

    /** Words that end the part of a question saying what to return and start the part saying which rows. */
    static final Set<String> CLAUSE_MARKERS = Words.set(
            "who",
            "whom",
            "whose",
            "that",
            "which",
            "where",
            "with",
            "without",
            "having",
            "has",
            "have",
            "had",
            "from",
            "in",
            "on",
            "at",
            "during",
            "before",
            "after",
            "between",
            "since",
            "by",
            "for",
            "is",
            "are",
            "was",
            "were",
            "do",
            "does",
            "did",
            "than",
            "whereas",
            "when",
            "while",
            "under",
            "above",
            "below",
            "over",
            "not",
            "never",
            "sorted",
            "ordered",
            "order",
            "ranked",
            "arranged",
            "grouped",
            "if",
            "to",
            "within",
            "among",
            "across",
            "per",
            "except",
            "excluding",
            "containing",
            "contains",
            "whom",
            "as");

    static final Map<String, Plan.Bucket> BUCKET_WORDS = Map.ofEntries(
            Map.entry("day", Plan.Bucket.DAY),
            Map.entry("days", Plan.Bucket.DAY),
            Map.entry("daily", Plan.Bucket.DAY),
            Map.entry("date", Plan.Bucket.DAY),
            Map.entry("week", Plan.Bucket.WEEK),
            Map.entry("weeks", Plan.Bucket.WEEK),
            Map.entry("weekly", Plan.Bucket.WEEK),
            Map.entry("month", Plan.Bucket.MONTH),
            Map.entry("months", Plan.Bucket.MONTH),
            Map.entry("monthly", Plan.Bucket.MONTH),
            Map.entry("quarter", Plan.Bucket.QUARTER),
            Map.entry("quarters", Plan.Bucket.QUARTER),
            Map.entry("quarterly", Plan.Bucket.QUARTER),
            Map.entry("year", Plan.Bucket.YEAR),
            Map.entry("years", Plan.Bucket.YEAR),
            Map.entry("yearly", Plan.Bucket.YEAR),
            Map.entry("annual", Plan.Bucket.YEAR),
            Map.entry("annually", Plan.Bucket.YEAR));

    /** Adverbs that stand alone as a time bucket ("weekly"), unlike "week" which needs "by" or "per". */
    static final Set<String> BUCKET_ADVERBS =
            Words.set("daily", "weekly", "monthly", "quarterly", "yearly", "annually", "annual");

    /** Words that make "how much" a total. */
    static final Set<String> TOGETHER = Words.set("together", "altogether", "combined", "overall", "total", "sum");

    static Integer numberWord(String w) {
        return switch (w) {
            case "one", "single" -> 1;
            case "two" -> 2;
            case "three" -> 3;
            case "four" -> 4;
            case "five" -> 5;
            case "six" -> 6;
            case "seven" -> 7;
            case "eight" -> 8;
            case "nine" -> 9;
            case "ten" -> 10;
            case "eleven" -> 11;
            case "twelve" -> 12;
            case "fifteen" -> 15;
            case "twenty" -> 20;
            case "fifty" -> 50;
            case "hundred" -> 100;
            default -> null;
        };
    }
}
