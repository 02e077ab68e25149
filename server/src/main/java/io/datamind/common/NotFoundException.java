package io.datamind.common;

import org.springframework.http.HttpStatus;

/** An unknown id, or one that belongs to another organization: both look the same to the caller. */
public class NotFoundException extends ApiException {

    public NotFoundException(String resource) {
        super(HttpStatus.NOT_FOUND, "Not found", resource + " not found");
    }
}
