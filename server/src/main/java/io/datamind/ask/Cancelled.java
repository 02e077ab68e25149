package io.datamind.ask;

import io.datamind.llm.CancellationToken;

/** The person who asked cancelled; the answer says so. */
final class Cancelled extends RuntimeException {

    static final String MESSAGE = "The question was cancelled.";

    private Cancelled() {
        super(MESSAGE, null, false, false);
    }

    /** Stops between stages once the question was cancelled. */
    static void check(CancellationToken cancel) {
        if (cancel.isCancelled()) {
            throw new Cancelled();
        }
    }
}
