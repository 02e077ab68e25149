package io.datamind.common.web;

import io.datamind.common.ApiException;
import org.springframework.http.HttpStatus;

class PayloadTooLargeException extends ApiException {

    private PayloadTooLargeException(String detail) {
        super(HttpStatus.CONTENT_TOO_LARGE, "Request body too large", detail);
    }

    static PayloadTooLargeException of(long maxBytes) {
        return new PayloadTooLargeException("The request body is larger than the limit of " + maxBytes + " bytes");
    }
}
