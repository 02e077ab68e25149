package io.datamind.secrets;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Prints a clear start-up failure instead of a stack trace when a secret is unusable. */
class SecretProblemFailureAnalyzer extends AbstractFailureAnalyzer<SecretProblem> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, SecretProblem cause) {
        return new FailureAnalysis("DataMind cannot start: " + cause.getMessage() + ".", cause.action(), cause);
    }
}
