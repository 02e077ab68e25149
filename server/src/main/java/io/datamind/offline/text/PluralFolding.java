package io.datamind.offline.text;

import java.util.Map;
import java.util.Set;

/**
 * Folds a lowercase word to its singular form: cities to city, addresses to address, people to person. The two
 * users differ on purpose, so the differences are parameters rather than merged away.
 *
 * @param irregular plurals that no suffix rule covers, plural to singular
 * @param notPlural words ending in s that are left alone
 * @param zPlural the ending folded by dropping "es" besides sses/xes/ches/shes: "zzes" (buzzes → buzz, sizes →
 *     size) or "zes" (sizes → siz, fine for linking whose stemmer also folds size → siz)
 */
public record PluralFolding(Map<String, String> irregular, Set<String> notPlural, String zPlural) {

    public PluralFolding {
        irregular = Map.copyOf(irregular);
        notPlural = Set.copyOf(notPlural);
    }

    public String singular(String w) {
        String irregularForm = irregular.get(w);
        if (irregularForm != null) {
            return irregularForm;
        }
        int n = w.length();
        if (n <= 3 || notPlural.contains(w) || !w.endsWith("s")) {
            return w;
        }
        if (w.endsWith("ies") && n > 4) {
            return w.substring(0, n - 3) + "y";
        }
        if (w.endsWith("sses")
                || w.endsWith("xes")
                || w.endsWith("ches")
                || w.endsWith("shes")
                || w.endsWith(zPlural)) {
            return w.substring(0, n - 2);
        }
        if (w.endsWith("ss") || w.endsWith("us") || w.endsWith("is")) {
            return w;
        }
        return w.substring(0, n - 1);
    }
}
