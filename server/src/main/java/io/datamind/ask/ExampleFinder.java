package io.datamind.ask;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Step 4: finds the verified examples of a connection that resemble a question: the same question (after normalizing
 * case, spacing and punctuation), whose SQL is reused as it is, and the most similar others by word overlap, which go
 * into the prompt. Only a question that starts its conversation is matched exactly: a follow-up's words mean what the
 * earlier turns make of them, so for one the same words are just a similar example.
 */
@Component
class ExampleFinder {

    static final int MAX_SIMILAR = 3;
    private static final double MIN_SIMILARITY = 0.2;
    private static final Set<String> STOP_WORDS = Set.of(
            "a", "an", "the", "of", "in", "on", "for", "to", "by", "and", "or", "is", "are", "was", "were", "what",
            "which", "who", "how", "me", "show", "list", "give", "all", "each", "per", "with", "from", "do", "does",
            "there", "that", "this", "be", "it", "its", "their", "as", "at", "i", "we", "our", "my");

    private final ExampleRepository repository;

    ExampleFinder(ExampleRepository repository) {
        this.repository = repository;
    }

    /** What was found for one question. */
    record Found(Optional<VerifiedExample> exact, List<VerifiedExample> similar) {}

    /** @param standsAlone whether the question starts its conversation, so an exact match may be reused */
    Found find(UUID orgId, UUID connectionId, String question, boolean standsAlone) {
        if (standsAlone) {
            Optional<VerifiedExample> exact = repository.exact(orgId, connectionId, normalize(question));
            if (exact.isPresent()) {
                return new Found(exact, List.of());
            }
        }
        Set<String> asked = words(question);
        if (asked.isEmpty()) {
            return new Found(Optional.empty(), List.of());
        }
        record Scored(VerifiedExample example, double score) {}
        List<Scored> scored = new ArrayList<>();
        for (VerifiedExample example : repository.newest(orgId, connectionId)) {
            double score = jaccard(asked, words(example.question()));
            if (score >= MIN_SIMILARITY) {
                scored.add(new Scored(example, score));
            }
        }
        scored.sort(Comparator.comparingDouble(Scored::score).reversed());
        return new Found(
                Optional.empty(),
                scored.stream().limit(MAX_SIMILAR).map(Scored::example).toList());
    }

    /** Lower case, single spaces, no punctuation at either end: "How many orders?" equals "how many  orders". */
    static String normalize(String question) {
        return question.toLowerCase(Locale.ROOT)
                .replaceAll("\\s+", " ")
                .replaceAll("^[\\p{Punct}\\s]+|[\\p{Punct}\\s]+$", "")
                .strip();
    }

    private static Set<String> words(String text) {
        Set<String> words = new HashSet<>();
        for (String word : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (!word.isEmpty() && !STOP_WORDS.contains(word)) {
                words.add(stem(word));
            }
        }
        return words;
    }

    /** Enough stemming for plurals and simple verb forms to meet: orders/order, countries/country. */
    private static String stem(String word) {
        if (word.length() > 4 && word.endsWith("ies")) {
            return word.substring(0, word.length() - 3) + "y";
        }
        if (word.endsWith("ches") || word.endsWith("shes") || word.endsWith("xes")) {
            return word.substring(0, word.length() - 2);
        }
        if (word.length() > 3 && word.endsWith("s") && !word.endsWith("ss")) {
            return word.substring(0, word.length() - 1);
        }
        return word;
    }

    private static double jaccard(Set<String> a, Set<String> b) {
        if (b.isEmpty()) {
            return 0;
        }
        int common = 0;
        for (String word : a) {
            if (b.contains(word)) {
                common++;
            }
        }
        return (double) common / (a.size() + b.size() - common);
    }
}
