package io.datamind.ask;

import io.datamind.llm.TokenListener;

/** Passes tokens on and keeps them: the text the client has seen so far. */
final class SentTokens implements TokenListener {

    private final TokenListener next;
    private final StringBuilder sent = new StringBuilder();

    SentTokens(TokenListener next) {
        this.next = next;
    }

    @Override
    public void onToken(String token) {
        sent.append(token);
        next.onToken(token);
    }

    boolean isEmpty() {
        return sent.isEmpty();
    }

    String text() {
        return sent.toString();
    }
}
