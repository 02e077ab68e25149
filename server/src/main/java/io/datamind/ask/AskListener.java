package io.datamind.ask;

/** Receives the pipeline's progress as it happens. Never called concurrently for one question. */
@FunctionalInterface
public interface AskListener {

    AskListener NONE = event -> {};

    void on(AskEvent event);
}
