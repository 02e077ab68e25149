package io.datamind.health;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** One dependency's state: ok, error or disabled (not configured). */
@JsonInclude(JsonInclude.Include.NON_NULL)
record CheckResult(
        String status, @JsonProperty("latency_ms") Long latencyMs) {

    static CheckResult ok(long latencyMs) {
        return new CheckResult("ok", latencyMs);
    }

    static CheckResult error() {
        return new CheckResult("error", null);
    }

    static CheckResult disabled() {
        return new CheckResult("disabled", null);
    }
}
