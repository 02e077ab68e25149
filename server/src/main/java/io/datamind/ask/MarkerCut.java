package io.datamind.ask;

import io.datamind.llm.TokenListener;
import java.util.Locale;

/**
 * Passes streamed tokens on until a marker appears and swallows the rest: the reader sees the analysis as it is
 * written but not the follow-up block behind it. A token that might be the start of the marker is held back until
 * the next one tells.
 */
final class MarkerCut implements TokenListener {

    private final String marker;
    private final TokenListener next;
    private final StringBuilder held = new StringBuilder();
    private boolean cut;

    MarkerCut(String marker, TokenListener next) {
        this.marker = marker.toLowerCase(Locale.ROOT);
        this.next = next;
    }

    @Override
    public void onToken(String token) {
        if (cut) {
            return;
        }
        held.append(token);
        String lower = held.toString().toLowerCase(Locale.ROOT);
        int at = lower.indexOf(marker);
        if (at >= 0) {
            cut = true;
            emit(held.substring(0, at).stripTrailing());
            held.setLength(0);
            return;
        }
        int keep = partialMarkerAtEnd(lower);
        if (keep > 0) {
            // The space before a possible marker goes with it: the analysis must not end in a stray newline.
            while (keep < held.length() && Character.isWhitespace(held.charAt(held.length() - keep - 1))) {
                keep++;
            }
        }
        emit(held.substring(0, held.length() - keep));
        held.delete(0, held.length() - keep);
    }

    /** Sends what is still held back; call once the stream ended. */
    void finish() {
        if (!cut) {
            emit(held.toString());
        }
        held.setLength(0);
    }

    private int partialMarkerAtEnd(String text) {
        for (int length = Math.min(marker.length() - 1, text.length()); length > 0; length--) {
            if (text.endsWith(marker.substring(0, length))) {
                return length;
            }
        }
        return 0;
    }

    private void emit(String text) {
        if (!text.isEmpty()) {
            next.onToken(text);
        }
    }
}
