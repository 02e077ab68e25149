package io.datamind.health;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/health")
@Tag(name = "Health")
class HealthController {

    private final HealthChecks checks;
    private final String version;

    HealthController(HealthChecks checks, org.springframework.boot.info.BuildProperties buildProperties) {
        this.checks = checks;
        this.version = buildProperties.getVersion();
    }

    @GetMapping
    @Operation(summary = "Service health; unhealthy (503) when the application database is down")
    ResponseEntity<HealthResponse> health(@RequestParam(defaultValue = "false") boolean detail) {
        CheckResult database = checks.database();
        CheckResult redis = checks.redis();
        String status;
        if (database.status().equals("error")) {
            status = "unhealthy";
        } else if (redis.status().equals("error")) {
            status = "degraded";
        } else {
            status = "healthy";
        }
        Map<String, CheckResult> details = null;
        if (detail) {
            details = new LinkedHashMap<>();
            details.put("database", database);
            details.put("redis", redis);
        }
        HttpStatus httpStatus = status.equals("unhealthy") ? HttpStatus.SERVICE_UNAVAILABLE : HttpStatus.OK;
        return ResponseEntity.status(httpStatus).body(new HealthResponse(status, "datamind", version, details));
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record HealthResponse(String status, String service, String version, Map<String, CheckResult> checks) {}
}
