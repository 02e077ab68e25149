package io.datamind.ask;

import io.datamind.llm.TokenListener;

/** Hands text that exists all at once to a token listener word by word, as a model would stream it. */
final class Streamed {

    private Streamed() {}

    static void words(String text, TokenListener tokens) {
        if (text == null || text.isEmpty()) {
            return;
        }
        for (String piece : text.split("(?<=\\s)(?=\\S)")) {
            tokens.onToken(piece);
        }
    }
}
