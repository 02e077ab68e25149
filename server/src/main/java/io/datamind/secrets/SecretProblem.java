package io.datamind.secrets;

/** A secret that is missing, too short or a known default; names the variable that fixes it. */
class SecretProblem extends RuntimeException {

    private final String action;

    SecretProblem(String variable, String reason) {
        this(
                variable,
                reason,
                "Set " + variable + " to the base64 of 32 random bytes, for example the output of"
                        + " `openssl rand -base64 32`, and keep it the same on every start and every replica.");
    }

    SecretProblem(String variable, String reason, String action) {
        super(variable + " " + reason);
        this.action = action;
    }

    /** What to do about it, for the start-up failure report. */
    String action() {
        return action;
    }
}
