package io.datamind.upload;

import io.datamind.common.ApiException;
import java.util.List;
import org.springframework.http.HttpStatus;

/** A file that cannot be loaded at all: a 400 naming the {@code file} field, with a reason a person can act on. */
final class BadUpload extends ApiException {

    BadUpload(String message) {
        super(HttpStatus.BAD_REQUEST, "Cannot load the file", message, List.of(new FieldError("file", message)));
    }
}
