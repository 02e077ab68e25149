package io.datamind.datasource;

import io.datamind.common.ApiException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;

/** Collects every problem with a request so the form can show them all at once. */
final class FieldErrors {

    private final List<ApiException.FieldError> errors = new ArrayList<>();

    void add(String field, String message) {
        errors.add(new ApiException.FieldError(field, message));
    }

    /** The first problem's message; null when there is none. */
    String firstMessage() {
        return errors.isEmpty() ? null : errors.get(0).message();
    }

    boolean isEmpty() {
        return errors.isEmpty();
    }

    void throwIfAny() {
        if (!errors.isEmpty()) {
            throw invalid(errors);
        }
    }

    static ApiException invalid(String field, String message) {
        return invalid(List.of(new ApiException.FieldError(field, message)));
    }

    private static ApiException invalid(List<ApiException.FieldError> errors) {
        String detail = errors.stream().map(e -> e.field() + ": " + e.message()).collect(Collectors.joining("; "));
        return new ApiException(HttpStatus.BAD_REQUEST, "Validation failed", detail, errors);
    }
}
