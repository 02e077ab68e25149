package io.datamind.secrets;

/** A secret that is missing, too short or a known default; names the variable that fixes it. */
class SecretProblem extends RuntimeException {

    private final String variable;

    SecretProblem(String variable, String reason) {
        super(variable + " " + reason);
        this.variable = variable;
    }

    String variable() {
        return variable;
    }
}
