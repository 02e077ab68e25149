package io.datamind.common;

import java.util.List;
import org.springframework.http.HttpStatus;

/** A failure the caller can act on; rendered as an RFC 9457 problem with this status and message. */
public class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final String title;
    private final List<FieldError> fieldErrors;

    public ApiException(HttpStatus status, String title, String detail) {
        this(status, title, detail, List.of());
    }

    public ApiException(HttpStatus status, String title, String detail, List<FieldError> fieldErrors) {
        super(detail);
        this.status = status;
        this.title = title;
        this.fieldErrors = List.copyOf(fieldErrors);
    }

    public static ApiException badRequest(String detail) {
        return new ApiException(HttpStatus.BAD_REQUEST, "Bad request", detail);
    }

    public static ApiException invalidField(String field, String message) {
        return new ApiException(
                HttpStatus.BAD_REQUEST,
                "Validation failed",
                field + ": " + message,
                List.of(new FieldError(field, message)));
    }

    public static ApiException conflict(String field, String message) {
        return new ApiException(HttpStatus.CONFLICT, "Conflict", message, List.of(new FieldError(field, message)));
    }

    public static ApiException forbidden(String detail) {
        return new ApiException(HttpStatus.FORBIDDEN, "Forbidden", detail);
    }

    public HttpStatus status() {
        return status;
    }

    public String title() {
        return title;
    }

    public List<FieldError> fieldErrors() {
        return fieldErrors;
    }

    /** One invalid field of a request, as listed in a problem's {@code errors}. */
    public record FieldError(String field, String message) {}
}
