package io.datamind.offline;

/**
 * One token of a question.
 *
 * @param raw the text as written (without quotes for a quoted value)
 * @param lower lowercase form
 * @param stem lowercase singular form, the key for exact matching
 * @param root Porter stem of the singular, the key for looser matching
 * @param kind word, number, quoted value or punctuation
 * @param capitalized written with a capital letter (and not the first word): a hint of a proper name
 */
record Token(int index, String raw, String lower, String stem, String root, Kind kind, boolean capitalized) {

    enum Kind {
        WORD,
        NUMBER,
        QUOTED,
        PUNCT
    }

    boolean isWord() {
        return kind == Kind.WORD;
    }

    boolean is(String word) {
        return kind == Kind.WORD && lower.equals(word);
    }

    boolean isStop() {
        return kind == Kind.WORD && Words.STOPWORDS.contains(lower);
    }
}
