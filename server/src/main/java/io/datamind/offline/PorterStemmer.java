package io.datamind.offline;

/**
 * Porter's 1980 suffix-stripping stemmer, used only to let word families meet ("founded" and "founding",
 * "production" and "produced") after exact and plural-folded matches have failed.
 */
final class PorterStemmer {

    private char[] b;
    private int k;
    private int j;

    private PorterStemmer(String word) {
        b = word.toCharArray();
        k = b.length - 1;
    }

    static String stem(String word) {
        if (word.length() <= 2 || !word.chars().allMatch(c -> c >= 'a' && c <= 'z')) {
            return word;
        }
        PorterStemmer s = new PorterStemmer(word);
        s.step1ab();
        if (s.k > 0) {
            s.step1c();
            s.step2();
            s.step3();
            s.step4();
            s.step5();
        }
        return new String(s.b, 0, s.k + 1);
    }

    private boolean consonant(int i) {
        switch (b[i]) {
            case 'a', 'e', 'i', 'o', 'u':
                return false;
            case 'y':
                return i == 0 || !consonant(i - 1);
            default:
                return true;
        }
    }

    /** The number of vowel-consonant sequences in b[0..j]. */
    private int measure() {
        int n = 0;
        int i = 0;
        while (true) {
            if (i > j) {
                return n;
            }
            if (!consonant(i)) {
                break;
            }
            i++;
        }
        i++;
        while (true) {
            while (true) {
                if (i > j) {
                    return n;
                }
                if (consonant(i)) {
                    break;
                }
                i++;
            }
            i++;
            n++;
            while (true) {
                if (i > j) {
                    return n;
                }
                if (!consonant(i)) {
                    break;
                }
                i++;
            }
            i++;
        }
    }

    private boolean vowelInStem() {
        for (int i = 0; i <= j; i++) {
            if (!consonant(i)) {
                return true;
            }
        }
        return false;
    }

    private boolean doubleConsonant(int i) {
        return i >= 1 && b[i] == b[i - 1] && consonant(i);
    }

    private boolean cvc(int i) {
        if (i < 2 || !consonant(i) || consonant(i - 1) || !consonant(i - 2)) {
            return false;
        }
        char c = b[i];
        return c != 'w' && c != 'x' && c != 'y';
    }

    private boolean ends(String s) {
        int l = s.length();
        int o = k - l + 1;
        if (o < 0) {
            return false;
        }
        for (int i = 0; i < l; i++) {
            if (b[o + i] != s.charAt(i)) {
                return false;
            }
        }
        j = k - l;
        return true;
    }

    private void setTo(String s) {
        int l = s.length();
        int o = j + 1;
        if (o + l > b.length) {
            char[] nb = new char[o + l];
            System.arraycopy(b, 0, nb, 0, b.length);
            b = nb;
        }
        for (int i = 0; i < l; i++) {
            b[o + i] = s.charAt(i);
        }
        k = j + l;
    }

    private void replaceIfMeasured(String s) {
        if (measure() > 0) {
            setTo(s);
        }
    }

    private void step1ab() {
        if (b[k] == 's') {
            if (ends("sses")) {
                k -= 2;
            } else if (ends("ies")) {
                setTo("i");
            } else if (b[k - 1] != 's') {
                k--;
            }
        }
        if (ends("eed")) {
            if (measure() > 0) {
                k--;
            }
        } else if ((ends("ed") || ends("ing")) && vowelInStem()) {
            k = j;
            if (ends("at")) {
                setTo("ate");
            } else if (ends("bl")) {
                setTo("ble");
            } else if (ends("iz")) {
                setTo("ize");
            } else if (doubleConsonant(k)) {
                k--;
                char c = b[k];
                if (c == 'l' || c == 's' || c == 'z') {
                    k++;
                }
            } else {
                j = k;
                if (measure() == 1 && cvc(k)) {
                    setTo("e");
                }
            }
        }
    }

    private void step1c() {
        if (ends("y") && vowelInStem()) {
            b[k] = 'i';
        }
    }

    private void step2() {
        if (k < 1) {
            return;
        }
        String[][] rules = {
            {"ational", "ate"}, {"tional", "tion"}, {"enci", "ence"}, {"anci", "ance"}, {"izer", "ize"},
            {"bli", "ble"}, {"alli", "al"}, {"entli", "ent"}, {"eli", "e"}, {"ousli", "ous"},
            {"ization", "ize"}, {"ation", "ate"}, {"ator", "ate"}, {"alism", "al"}, {"iveness", "ive"},
            {"fulness", "ful"}, {"ousness", "ous"}, {"aliti", "al"}, {"iviti", "ive"}, {"biliti", "ble"},
            {"logi", "log"}
        };
        for (String[] rule : rules) {
            if (ends(rule[0])) {
                replaceIfMeasured(rule[1]);
                return;
            }
        }
    }

    private void step3() {
        String[][] rules = {
            {"icate", "ic"}, {"ative", ""}, {"alize", "al"}, {"iciti", "ic"}, {"ical", "ic"}, {"ful", ""}, {"ness", ""}
        };
        for (String[] rule : rules) {
            if (ends(rule[0])) {
                replaceIfMeasured(rule[1]);
                return;
            }
        }
    }

    private void step4() {
        if (k < 1) {
            return;
        }
        String[] suffixes = {
            "al", "ance", "ence", "er", "ic", "able", "ible", "ant", "ement", "ment", "ent", "ion", "ou", "ism", "ate",
            "iti", "ous", "ive", "ize"
        };
        for (String suffix : suffixes) {
            if (ends(suffix)) {
                if (suffix.equals("ion") && !(j >= 0 && (b[j] == 's' || b[j] == 't'))) {
                    return;
                }
                if (measure() > 1) {
                    k = j;
                }
                return;
            }
        }
    }

    private void step5() {
        j = k;
        if (b[k] == 'e') {
            int a = measure();
            if (a > 1 || (a == 1 && !cvc(k - 1))) {
                k--;
            }
        }
        if (b[k] == 'l' && doubleConsonant(k)) {
            j = k;
            if (measure() > 1) {
                k--;
            }
        }
    }
}
